/**
 * The plan (計画): municipalities, departments (所管課) and measures (施策・事業), loaded from plan files; what the other features read through {@link jp.climatepdca.plan.PlanService}.
 */
package jp.climatepdca.plan;
