/**
 * Deadlines (期限): the due and follow-up dates every user task gets from its cycle's schedule in Japanese
 * business days (TaskDueDates), and the secretariat's overview of what is overdue (期限超過,
 * {@code GET /api/cycles/{municipality}/{fiscalYear}/overdue}); docs/deadlines.md.
 */
package jp.climatepdca.deadline;
