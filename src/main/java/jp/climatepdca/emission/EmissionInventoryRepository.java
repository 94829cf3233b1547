package jp.climatepdca.emission;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmissionInventoryRepository extends JpaRepository<EmissionInventory, Long> {

  Optional<EmissionInventory> findByMunicipalityCodeAndInventoryYearAndCurrentTrue(String municipalityCode,
      int inventoryYear);

  Optional<EmissionInventory> findFirstByMunicipalityCodeAndInventoryYearAndStatusOrderByVersionDesc(
      String municipalityCode, int inventoryYear, EmissionInventory.Status status);

  List<EmissionInventory> findByMunicipalityCodeAndInventoryYearOrderByVersionDesc(String municipalityCode,
      int inventoryYear);
}
