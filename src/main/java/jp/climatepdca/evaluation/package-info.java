/**
 * The city-wide Check and Action: the secretariat's compile, headquarters' evaluation, the liaison meeting, the committee's opinions, and each measure's Action decision (継続・修正・廃止・移行).
 */
package jp.climatepdca.evaluation;
