package jp.climatepdca.emission;

import java.util.Optional;
import jp.climatepdca.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The secretariat's verdict on the current version, and the return comment data entry shows. */
@Service
class InventoryVerification {

  private final EmissionInventoryRepository inventories;

  InventoryVerification(EmissionInventoryRepository inventories) {
    this.inventories = inventories;
  }

  @Transactional
  void verify(String municipality, int inventoryYear, boolean accepted, String comment) {
    inventories.findByMunicipalityCodeAndInventoryYearAndCurrentTrue(municipality, inventoryYear)
        .orElseThrow(() -> new NotFoundException(inventoryYear + "年度の排出量（" + municipality + "）はまだ算定されていません"))
        .review(accepted, comment);
  }

  /**
   * The comment of a current version the secretariat returned, if it did, naming the reviewer (data entry
   * is created again in the reviewer's own completion, so the reviewer is the person working then).
   */
  @Transactional(readOnly = true)
  Optional<String> pendingReturn(String municipality, int inventoryYear, String reviewerName) {
    return inventories.findByMunicipalityCodeAndInventoryYearAndCurrentTrue(municipality, inventoryYear)
        .map(EmissionInventory::view)
        .filter(v -> EmissionInventory.Status.RETURNED.name().equals(v.status()))
        .map(v -> "第" + v.version() + "版の算定結果が差し戻されました（" + reviewerName + "）: " + v.reviewComment());
  }
}
