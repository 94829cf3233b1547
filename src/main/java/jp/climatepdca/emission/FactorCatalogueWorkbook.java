package jp.climatepdca.emission;

import java.util.List;
import jp.climatepdca.system.XlsxBook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.springframework.stereotype.Component;

/**
 * The emission factor catalogue as the activity-data form links to it (docs/excel.md): the factors that apply
 * in the inventory year, with the codes and names a line of activity data may name, and the municipality's own
 * factors that replace the defaults.
 */
@Component
class FactorCatalogueWorkbook {

  private final EmissionFactorService factors;
  private final LocalFactorService localFactors;

  FactorCatalogueWorkbook(EmissionFactorService factors, LocalFactorService localFactors) {
    this.factors = factors;
    this.localFactors = localFactors;
  }

  byte[] write(String municipality, int inventoryYear) {
    try (var book = new XlsxBook()) {
      var sheet = book.sheet("排出係数一覧");
      book.header(sheet, 0, List.of("コード（燃料）", "名称", "種類", "単位", "ガス", "係数（t-CO2/単位）", "適用開始年度",
          "適用終了年度", "出典", "法定"), List.of(16, 24, 12, 8, 6, 14, 10, 10, 40, 6));
      var r = 1;
      for (var f : factors.catalogue()) {
        if (f.validFrom() > inventoryYear || f.validTo() != null && f.validTo() < inventoryYear) {
          continue;
        }
        book.row(sheet, r++, f.code(), f.name(), f.kind().name(), f.unit(), f.gas().name(), f.factor().toPlainString(),
            f.validFrom(), f.validTo(), f.source(), f.locked() ? "法定" : "");
      }
      sheet.createFreezePane(0, 1);
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, 9));
      var local = book.sheet("独自の係数");
      book.header(local, 0, List.of("コード（燃料）", "ガス", "係数（t-CO2/単位）", "適用開始年度", "適用終了年度", "出典"),
          List.of(16, 6, 14, 10, 10, 40));
      var l = 1;
      for (var f : localFactors.factors(municipality)) {
        book.row(local, l++, f.code(), f.gas().name(), f.factor().toPlainString(), f.validFrom(), f.validTo(),
            f.source());
      }
      return book.bytes();
    }
  }
}
