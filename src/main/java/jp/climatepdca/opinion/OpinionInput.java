package jp.climatepdca.opinion;

/**
 * What the form (or a system's JSON) sends, as sent: nothing here is trusted. {@code website} is the hidden
 * honeypot field a person never sees and a form-filling script fills.
 */
record OpinionInput(String senderKind, String senderName, String senderContact, String measureCode, String body,
    boolean consent, String token, String website) {

  static OpinionInput blank() {
    return new OpinionInput("CITIZEN", "", "", "", "", false, null, null);
  }
}
