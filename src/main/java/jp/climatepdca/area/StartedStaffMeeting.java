package jp.climatepdca.area;

/** A staff meeting just started: its process instance and business key, and its number in the fiscal year. */
public record StartedStaffMeeting(String processInstanceId, String businessKey, String area, int fiscalYear,
    int number, String title) {}
