package jp.climatepdca.area;

import org.springframework.stereotype.Component;

/** The area year's record row (area_cycle_record), created on first write. */
@Component
class AreaRecords {

  private final AreaCycleRecordRepository records;

  AreaRecords(AreaCycleRecordRepository records) {
    this.records = records;
  }

  AreaCycleRecord of(String area, int fiscalYear) {
    return records.findByAreaCodeAndFiscalYear(area, fiscalYear)
        .orElseGet(() -> records.save(new AreaCycleRecord(area, fiscalYear)));
  }
}
