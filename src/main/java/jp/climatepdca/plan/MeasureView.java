package jp.climatepdca.plan;

/** A measure (施策・事業) as other features see it. */
public record MeasureView(String code, String departmentCode, String name, Sector sector, MeasureKind kind,
    boolean keyProject, String description, MeasureStatus status) {}
