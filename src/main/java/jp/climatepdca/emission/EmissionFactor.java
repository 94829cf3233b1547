package jp.climatepdca.emission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import jp.climatepdca.system.ConflictException;

/** One factor of the catalogue: t-CO2 equivalent per unit of a fuel, electricity or waste, for some years. */
@Entity
@Table(name = "emission_factor")
class EmissionFactor {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String code;

  @Enumerated(EnumType.STRING)
  private FactorKind kind;

  private String name;

  private String unit;

  @Enumerated(EnumType.STRING)
  private Gas gas;

  private BigDecimal factor;

  @Column(name = "valid_from")
  private int validFrom;

  @Column(name = "valid_to")
  private Integer validTo;

  private String source;

  private boolean locked;

  protected EmissionFactor() {}

  EmissionFactor(FactorView v) {
    this.code = v.code();
    this.kind = v.kind();
    this.name = v.name();
    this.unit = v.unit();
    this.gas = v.gas();
    this.factor = v.factor();
    this.validFrom = v.validFrom();
    this.validTo = v.validTo();
    this.source = v.source();
    this.locked = v.locked();
  }

  /** Statutory factors are fixed by law: a correction is a new factor with its own validity, not an edit. */
  void change(BigDecimal newFactor, String newSource) {
    if (locked) {
      throw new ConflictException("排出係数 " + code + "（" + name + "、" + gas + "、" + validFrom
          + "年度〜）は法定の係数のため変更できません。改定後の係数は有効年度を分けて追加してください");
    }
    this.factor = newFactor;
    this.source = newSource;
  }

  boolean validIn(int year) {
    return validFrom <= year && (validTo == null || year <= validTo);
  }

  FactorView view() {
    return new FactorView(code, kind, name, unit, gas, factor, validFrom, validTo, source, locked);
  }
}
