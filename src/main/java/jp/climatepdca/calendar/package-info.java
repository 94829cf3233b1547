/**
 * Japanese business days (営業日) of a municipal office: weekends, the national holidays (国民の祝日, from the
 * Cabinet Office's list shipped as data, docs/calendar.md) and the year-end closure (年末年始, 12/29–1/3);
 * the due and follow-up dates every user task gets from its cycle's schedule (docs/deadlines.md).
 */
package jp.climatepdca.calendar;
