package jp.climatepdca.emission;

/** What an emission factor applies to: a fuel, a utility's electricity, or waste incinerated. */
public enum FactorKind {
  FUEL, ELECTRICITY, WASTE
}
