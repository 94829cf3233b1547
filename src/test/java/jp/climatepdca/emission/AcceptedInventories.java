package jp.climatepdca.emission;

import org.springframework.context.ApplicationContext;

/**
 * The secretariat's verdict on a year's current inventory version, as Task_VerifyEmissions records it, for
 * tests of other features that need a verified (or returned) inventory without running a whole cycle.
 */
public final class AcceptedInventories {

  private AcceptedInventories() {}

  public static void accept(ApplicationContext context, String municipality, int inventoryYear) {
    context.getBean(InventoryVerification.class).verify(municipality, inventoryYear, true, null);
  }

  public static void returnToEntry(ApplicationContext context, String municipality, int inventoryYear, String comment) {
    context.getBean(InventoryVerification.class).verify(municipality, inventoryYear, false, comment);
  }
}
