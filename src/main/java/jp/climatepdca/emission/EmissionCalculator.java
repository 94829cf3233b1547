package jp.climatepdca.emission;

import java.time.Instant;
import java.util.List;
import jp.climatepdca.system.ConflictException;
import jp.climatepdca.system.UserInputException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calculates an inventory year from its newest upload into a new current version. The arithmetic is one
 * SQL aggregation, sum(amount in the factor's unit × factor) by sector and gas, plus the figures entered
 * in t-CO2: exact NUMERIC arithmetic in the database, never row by row in Java. A municipality's own
 * factor valid in the year (local_emission_factor) replaces the catalogue's default for that municipality.
 */
@Service
public class EmissionCalculator {

  private static final String AGGREGATE = """
      insert into emission_result (inventory_id, sector, gas, t_co2)
      select ?, x.sector, x.gas, cast(sum(x.t_co2) as numeric(30, 6)) from (
        select a.sector as sector, f.gas as gas, a.factor_amount * coalesce(l.factor, f.factor) as t_co2
          from activity_row a
          join emission_factor f on f.code = a.factor_code
           and f.valid_from <= ? and (f.valid_to is null or f.valid_to >= ?)
          left join local_emission_factor l on l.municipality_code = ? and l.code = f.code and l.gas = f.gas
           and l.valid_from <= ? and (l.valid_to is null or l.valid_to >= ?)
         where a.upload_id = ?
        union all
        select d.sector, d.gas, d.t_co2 from direct_emission d where d.upload_id = ?
      ) x
      group by x.sector, x.gas
      """;

  private final ActivityUploadRepository uploads;
  private final EmissionInventoryRepository inventories;
  private final JdbcTemplate jdbc;

  EmissionCalculator(ActivityUploadRepository uploads, EmissionInventoryRepository inventories, JdbcTemplate jdbc) {
    this.uploads = uploads;
    this.inventories = inventories;
    this.jdbc = jdbc;
  }

  /** The process's calculation: from the newest upload, with the reason given when it was submitted. */
  @Transactional
  public VersionView calculateLatest(String municipality, int inventoryYear, String user) {
    var reason = uploads.findFirstByMunicipalityCodeAndInventoryYearOrderByIdDesc(municipality, inventoryYear)
        .map(ActivityUpload::reason).filter(r -> r != null && !r.isBlank()).orElse("年度サイクルでの算定");
    return calculate(municipality, inventoryYear, reason, user);
  }

  @Transactional
  public VersionView calculate(String municipality, int inventoryYear, String reason, String user) {
    if (reason == null || reason.isBlank()) {
      throw new UserInputException("排出量を算定できません", List.of("reason: 算定の理由を入力してください（例: 初回算定、統計の改訂）"));
    }
    if (reason.length() > 1000) {
      throw new UserInputException("排出量を算定できません", List.of("reason: 算定の理由は1000文字以内で入力してください"));
    }
    var upload = uploads.findFirstByMunicipalityCodeAndInventoryYearOrderByIdDesc(municipality, inventoryYear)
        .orElseThrow(() -> new UserInputException("排出量を算定できません",
            List.of(inventoryYear + "年度の活動量データが登録されていません。先に活動量データを登録してください")));
    var versions = inventories.findByMunicipalityCodeAndInventoryYearOrderByVersionDesc(municipality, inventoryYear);
    versions.forEach(EmissionInventory::supersede);
    var next = versions.isEmpty() ? 1 : versions.get(0).view().version() + 1;
    try {
      inventories.flush();
      var inventory = inventories.saveAndFlush(new EmissionInventory(municipality, inventoryYear, next,
          reason.strip(), upload.id(), user, Instant.now()));
      jdbc.update(AGGREGATE, inventory.id(), inventoryYear, inventoryYear, municipality, inventoryYear, inventoryYear,
          upload.id(), upload.id());
      return inventory.view();
    } catch (DataIntegrityViolationException e) {
      throw new ConflictException(inventoryYear + "年度の排出量は同時に別の算定が行われました。もう一度実行してください");
    }
  }
}
