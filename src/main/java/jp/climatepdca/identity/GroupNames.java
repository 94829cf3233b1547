package jp.climatepdca.identity;

import org.springframework.stereotype.Component;

/**
 * Group ids by role. Every role except the administrators belongs to one municipality, so one engine
 * can serve the municipalities of an area. BPMN reads candidate groups through this bean ({@code groups}).
 */
@Component("groups")
public class GroupNames {

  public static final String ADMIN = "camunda-admin";

  public static String departmentStaff(String municipality, String department) {
    return municipality + "-" + department + "-staff";
  }

  public static String departmentHead(String municipality, String department) {
    return municipality + "-" + department + "-head";
  }

  public static String secretariat(String municipality) {
    return municipality + "-secretariat";
  }

  public static String headquarters(String municipality) {
    return municipality + "-headquarters";
  }

  public static String committee(String municipality) {
    return municipality + "-committee";
  }

  public static String liaison(String municipality) {
    return municipality + "-liaison";
  }

  /** An area's staff meeting of its members' climate departments (担当者会議). */
  public static String staffMeeting(String area) {
    return area + "-staff-meeting";
  }

  // Instance forms for BPMN expressions such as ${groups.staff(municipality, departmentCode)}.

  public String staff(String municipality, String department) {
    return departmentStaff(municipality, department);
  }

  public String head(String municipality, String department) {
    return departmentHead(municipality, department);
  }

  public String secretariatOf(String municipality) {
    return secretariat(municipality);
  }

  public String headquartersOf(String municipality) {
    return headquarters(municipality);
  }

  public String committeeOf(String municipality) {
    return committee(municipality);
  }

  public String liaisonOf(String municipality) {
    return liaison(municipality);
  }

  public String staffMeetingOf(String area) {
    return staffMeeting(area);
  }
}
