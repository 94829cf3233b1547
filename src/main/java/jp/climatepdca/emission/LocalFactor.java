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
import java.time.Instant;

@Entity
@Table(name = "local_emission_factor")
class LocalFactor {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "municipality_code")
  private String municipalityCode;

  private String code;

  @Enumerated(EnumType.STRING)
  private Gas gas;

  private BigDecimal factor;

  @Column(name = "valid_from")
  private int validFrom;

  @Column(name = "valid_to")
  private Integer validTo;

  private String source;

  @Column(name = "entered_by")
  private String enteredBy;

  @Column(name = "entered_at")
  private Instant enteredAt;

  protected LocalFactor() {}

  LocalFactor(LocalFactorView v) {
    municipalityCode = v.municipality();
    code = v.code();
    gas = v.gas();
    factor = v.factor();
    validFrom = v.validFrom();
    validTo = v.validTo();
    source = v.source();
    enteredBy = v.enteredBy();
    enteredAt = v.enteredAt();
  }

  LocalFactorView view() {
    return new LocalFactorView(municipalityCode, code, gas, factor, validFrom, validTo, source, enteredBy, enteredAt);
  }
}
