package jp.climatepdca.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The governance block of each municipality's plan as loaded last (docs/governance.md). A cycle takes it
 * when it starts (cycle.CycleGovernance), so loading a revised file changes the next year, not a running one.
 */
@Service
public class PlanGovernanceService {

  private final PlanGovernanceRepository rows;
  private final ObjectMapper mapper;
  private final PlanDefinitions definitions;

  PlanGovernanceService(PlanGovernanceRepository rows, ObjectMapper mapper, PlanDefinitions definitions) {
    this.rows = rows;
    this.mapper = mapper;
    this.definitions = definitions;
  }

  /**
   * The governance of the plan version in force in {@code fiscalYear} (docs/plan-versions.md): a revision
   * effective from a later year leaves this year's bodies and dates alone. A municipality without versions
   * (loaded before they existed): the block loaded last.
   */
  @Transactional(readOnly = true)
  public Optional<PlanGovernance> forYear(String municipality, int fiscalYear) {
    var inForce = definitions.inForce(municipality, fiscalYear);
    if (inForce.isPresent()) {
      return Optional.ofNullable(PlanGovernanceValidator.view(inForce.get().governance(), inForce.get().plan()));
    }
    return current(municipality);
  }

  /** Empty when the plan file has no governance block: today's bodies, the configured schedule. */
  @Transactional(readOnly = true)
  public Optional<PlanGovernance> current(String municipality) {
    return rows.findById(municipality).map(row -> read(row.document()));
  }

  public PlanGovernance read(String json) {
    try {
      return mapper.readValue(json, PlanGovernance.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plan_governance: stored JSON unreadable", e);
    }
  }

  public String write(PlanGovernance governance) {
    try {
      return mapper.writeValueAsString(governance);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file states the whole plan: a file without the block removes an earlier one. */
  void save(String municipality, PlanGovernance governance) {
    if (governance == null) {
      rows.deleteById(municipality);
      return;
    }
    var row = rows.findById(municipality).orElseGet(() -> new PlanGovernanceRow(municipality));
    row.replace(write(governance), Instant.now());
    rows.save(row);
  }
}
