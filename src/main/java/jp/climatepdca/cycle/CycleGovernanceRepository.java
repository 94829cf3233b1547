package jp.climatepdca.cycle;

import org.springframework.data.jpa.repository.JpaRepository;

interface CycleGovernanceRepository extends JpaRepository<CycleGovernanceRow, CycleGovernanceRow.Key> {}
