package jp.climatepdca.emission;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmissionInventoryRepository extends JpaRepository<EmissionInventory, Long> {

  Optional<EmissionInventory> findByMunicipalityCodeAndInventoryYearAndCurrentTrue(String municipalityCode,
      int inventoryYear);

  List<EmissionInventory> findByMunicipalityCodeAndInventoryYearOrderByVersionDesc(String municipalityCode,
      int inventoryYear);
}
