/**
 * A plan shared by several municipalities (連携中枢都市圏 and the like): the area plan, the area's fiscal-year
 * cycle over its members' cycles (area-cycle.bpmn), its compilation, liaison meeting, committee, Action and
 * publication, and the members' staff meeting. The area is a Camunda tenant of its own (docs/area.md).
 */
package jp.climatepdca.area;
