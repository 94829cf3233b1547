/**
 * Departments' self-assessments (自己点検・自己評価): what staff submit for each measure and its review by the department head and the secretariat (bpmn/department-self-assessment.bpmn).
 */
package jp.climatepdca.assessment;
