/**
 * Fiscal-year cycles (年度の進行管理): starting one per municipality and year, where it stands, the annual schedule (年間スケジュール) that timers and due dates read, and bpmn/fiscal-year-cycle.bpmn's process API.
 */
package jp.climatepdca.cycle;
