/**
 * Mid-term and final-year evaluation of a plan period (中間年度・最終年度の評価, issue #19): the period's
 * trend compiled and kept, checked by the secretariat, evaluated by headquarters, heard by the committee,
 * and either continued or revised into the plan's next version. See docs/plan-period-evaluation.md.
 */
package jp.climatepdca.periodevaluation;
