/**
 * Citizens' and businesses' opinions (市民・事業者の意見) on the plan's progress: the public form and its
 * window before the committee's review (docs/opinions.md), and the secretariat's triage of what was received.
 * Uses plan, cycle, identity, calendar and system; publication and evaluation may read opinions, never the
 * other way round.
 */
package jp.climatepdca.opinion;
