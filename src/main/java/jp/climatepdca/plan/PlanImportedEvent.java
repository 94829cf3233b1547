package jp.climatepdca.plan;

import java.util.List;

/** Published inside the import's transaction, so identity can provision the departments' groups with it. */
public record PlanImportedEvent(MunicipalityView municipality, List<DepartmentView> departments) {}
