package jp.climatepdca.plan;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanGovernanceRepository extends JpaRepository<PlanGovernanceRow, String> {}
