package jp.climatepdca.plan;

/** A department (所管課) as other features see it. */
public record DepartmentView(String code, String name) {}
