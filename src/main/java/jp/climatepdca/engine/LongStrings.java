package jp.climatepdca.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Staff write long texts (minutes, summaries, evaluations: up to 8,000 characters), and Tasklist submits every
 * text field as a String variable, which Camunda keeps in a VARCHAR(4000) column (TEXT_ of the runtime
 * variables, the variable history and the history's details): a longer one failed when the engine flushed,
 * after our listener had accepted it, and the person got a 500. So a String of more than {@value #COLUMN}
 * characters is kept in the engine's byte array table (ACT_GE_BYTEARRAY, as a Bytes variable is), UTF-8,
 * under the serializer name {@value #NAME}; its type stays String for everyone who reads it (the forms,
 * /engine-rest, Cockpit, our listeners), whichever door it came through (submit-form, complete, the Java API).
 * Shorter Strings are Camunda's own, as before. What a field may hold is still the listener's to bound, with a
 * Japanese message naming the field. A submitted form also files each text in the history of form fields,
 * another VARCHAR(4000) column: there a longer text is cut ({@link FormPropertiesCut}).
 *
 * <p>The hook: a custom serializer (an implementation class of the engine) placed before Camunda's in
 * {@code preInit}. Camunda picks the first serializer of a value's type that accepts the value, and reads a
 * stored variable with the serializer of the stored name. Once the engine is built, a long String must be
 * given to this serializer, a short one to another, and the name must find it; otherwise the start stops
 * with {@link EngineHookMismatch}.
 */
@Component
public class LongStrings extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(LongStrings.class);
  /** The length of Camunda's TEXT_ columns on H2 and PostgreSQL, in characters. */
  static final int COLUMN = 4000;
  static final String NAME = "climatepdca-long-string";

  final Serializer serializer = new Serializer();
  private volatile boolean installed;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var serializers = new ArrayList<TypedValueSerializer>();
    serializers.add(serializer);
    if (configuration.getCustomPreVariableSerializers() != null) {
      serializers.addAll(configuration.getCustomPreVariableSerializers());
    }
    configuration.setCustomPreVariableSerializers(serializers);
    installed = true;
  }

  /** Wraps the history event handler the engine made in its init: it exists now, and is looked up per event. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new FormPropertiesCut(configuration.getHistoryEventHandler()));
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (!installed) {
      throw new EngineHookMismatch(LongStrings.class, "the plugin's preInit was never called, so a String of more"
          + " than " + COLUMN + " characters would fail in the database");
    }
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!(configuration.getHistoryEventHandler() instanceof FormPropertiesCut)) {
      throw new EngineHookMismatch(LongStrings.class, "the engine's history event handler is "
          + name(configuration.getHistoryEventHandler()) + ", not the one given to it in postInit, so a submitted"
          + " form text of more than " + COLUMN + " characters would fail in the history of form fields");
    }
    var serializers = configuration.getVariableSerializers();
    // the engine chooses a serializer inside a command (it reads the configuration's default format there)
    var forLong = configuration.getCommandExecutorTxRequired().execute(context ->
        serializers.findSerializerForValue(Variables.stringValue("x".repeat(COLUMN + 1))));
    var forShort = configuration.getCommandExecutorTxRequired().execute(context ->
        serializers.findSerializerForValue(Variables.stringValue("x".repeat(COLUMN))));
    var byName = serializers.getSerializerByName(NAME);
    if (forLong != serializer || forShort == serializer || byName != serializer) {
      throw new EngineHookMismatch(LongStrings.class, "a String of " + (COLUMN + 1) + " characters is written by "
          + name(forLong) + ", one of " + COLUMN + " by " + name(forShort) + ", and the name " + NAME + " finds "
          + name(byName) + ", so a long text would fail in the database or not be read back");
    }
    LOG.info("Strings longer than {} characters are kept in the byte array table", COLUMN);
  }

  private static String name(TypedValueSerializer<?> serializer) {
    return serializer == null ? "none" : serializer.getName() + " (" + serializer.getClass().getName() + ")";
  }

  private static String name(Object handler) {
    return handler == null ? "none" : handler.getClass().getName();
  }

  /**
   * A submitted form also leaves each String field in the history of form fields (ACT_HI_DETAIL, type
   * FormProperty), whose value is a VARCHAR(4000) column too and has no serializer: a longer value is cut
   * there to {@value #COLUMN} characters, ending in 「…」. The whole text stays in the variable's history (and in
   * our tables, where the listener stored it). The event is cut before the engine's own handler files it.
   */
  static final class FormPropertiesCut implements HistoryEventHandler {

    private final HistoryEventHandler next;

    FormPropertiesCut(HistoryEventHandler next) {
      this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      cut(event);
      next.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(FormPropertiesCut::cut);
      next.handleEvents(events);
    }

    private static void cut(HistoryEvent event) {
      if (event instanceof HistoricFormPropertyEventEntity field && field.getPropertyValue() instanceof String text
          && text.length() > COLUMN) {
        var end = Character.isHighSurrogate(text.charAt(COLUMN - 2)) ? COLUMN - 2 : COLUMN - 1;
        field.setPropertyValue(text.substring(0, end) + "…");
      }
    }
  }

  /** A String value of more than {@link #COLUMN} characters, as UTF-8 bytes. */
  static final class Serializer extends PrimitiveValueSerializer<StringValue> {

    Serializer() {
      super(ValueType.STRING);
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
      return value.getValue() instanceof String text && text.length() > COLUMN;
    }

    @Override
    public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
      return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
    }

    @Override
    public void writeValue(StringValue value, ValueFields valueFields) {
      valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
      var bytes = valueFields.getByteArrayValue();
      return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
    }
  }
}
