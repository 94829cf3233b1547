package jp.climatepdca.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.climatepdca.system.Quoted;

/**
 * Reads a plan file's JSON tree against the shape of {@link PlanDocument} before it is bound, so every
 * wrong type and unknown field of the file is reported at once (binding stops at the first), each at its
 * {@link PlanFileLocation}. A wrong value is removed from the tree, so binding succeeds and the validator
 * checks the rest; its own message about the same place is then left out (see {@link #locations}).
 * The shape is read from the records, so a field added to PlanDocument is checked without a change here.
 */
final class PlanFileTypes {

  private final List<String> errors = new ArrayList<>();
  private final List<String> locations = new ArrayList<>();

  private PlanFileTypes() {}

  /** Checks and cleans {@code root} in place; the messages, and the places they name. */
  static PlanFileTypes check(ObjectNode root) {
    var types = new PlanFileTypes();
    types.object(root, PlanDocument.class, null);
    return types;
  }

  List<String> errors() {
    return errors;
  }

  /** Drops the validator's messages about a place that already has a type error (it would say 必須です). */
  List<String> withoutRepeats(List<String> validatorErrors) {
    return validatorErrors.stream()
        .filter(e -> locations.stream().noneMatch(l -> e.startsWith(l + ": ") || e.startsWith(l + " の "))).toList();
  }

  private void object(ObjectNode node, Class<?> type, PlanFileLocation at) {
    var components = type.getRecordComponents();
    var names = Arrays.stream(components).map(RecordComponent::getName).toList();
    var unknown = new ArrayList<String>();
    node.fieldNames().forEachRemaining(name -> {
      if (!names.contains(name)) {
        unknown.add(name);
      }
    });
    for (var name : unknown) {
      errors.add((at == null ? Quoted.cut(name) : at.field(Quoted.cut(name))) + ": 項目 \"" + Quoted.cut(name) + "\" は定義されていません（使える項目: "
          + String.join(", ", names) + "）");
      node.remove(name);
    }
    for (var c : components) {
      var value = node.get(c.getName());
      if (value == null || value.isNull()) {
        continue;
      }
      var fieldAt = at == null ? c.getName() : at.field(c.getName());
      if (!value(value, c.getGenericType(), c.getName(), fieldAt, at)) {
        node.remove(c.getName());
        locations.add(fieldAt);
      }
    }
  }

  /** False when the value has the wrong type (reported); nested objects and lists are checked in place. */
  private boolean value(JsonNode value, Type type, String name, String fieldAt, PlanFileLocation parent) {
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      if (!value.isArray()) {
        errors.add(fieldAt + ": 配列 [ … ] で指定してください");
        return false;
      }
      var element = (Class<?>) list.getActualTypeArguments()[0];
      var array = (ArrayNode) value;
      for (int i = 0; i < array.size(); i++) {
        var item = array.get(i);
        var itemAt = parent == null ? PlanFileLocation.item(name, i, code(item)) : parent.item(name, i);
        if (item.isNull()) {
          continue;
        }
        if (!item.isObject()) {
          errors.add(itemAt + ": { … } で指定してください");
          array.setNull(i);
          locations.add(itemAt.toString());
          continue;
        }
        object((ObjectNode) item, element, itemAt);
      }
      return true;
    }
    var kind = (Class<?>) type;
    if (kind.isRecord()) {
      if (!value.isObject()) {
        errors.add(fieldAt + ": { … } で指定してください");
        return false;
      }
      object((ObjectNode) value, kind, parent == null ? PlanFileLocation.of(name) : parent.child(name));
      return true;
    }
    var problem = scalar(value, kind);
    if (problem != null) {
      errors.add(fieldAt + ": " + problem);
      return false;
    }
    return true;
  }

  /** What is wrong with a scalar, or null. Binding's own leniency (a number given as text) is kept. */
  private static String scalar(JsonNode value, Class<?> type) {
    if (type == String.class) {
      return value.isValueNode() ? null : "文字で指定してください";
    }
    if (type == Integer.class) {
      var text = value.isTextual() ? value.asText().strip() : value.isNumber() ? value.numberValue().toString() : null;
      return text != null && text.matches("-?\\d{1,9}") ? null : "整数で指定してください（" + shown(value) + "）";
    }
    if (type == BigDecimal.class) {
      if (value.isNumber()) {
        return null;
      }
      if (value.isTextual()) {
        try {
          new BigDecimal(value.asText().strip());
          return null;
        } catch (NumberFormatException e) {
          // falls through to the message
        }
      }
      return "数値で指定してください（" + shown(value) + " は数値ではありません）";
    }
    if (type == Boolean.class) {
      return value.isBoolean() || value.isTextual() && value.asText().matches("true|false") ? null
          : "true か false で指定してください（" + shown(value) + "）";
    }
    return null;
  }

  private static String code(JsonNode item) {
    var code = item == null || !item.isObject() ? null : item.get("code");
    return code != null && code.isValueNode() && !code.isNull() ? code.asText() : null;
  }

  private static String shown(JsonNode value) {
    var text = value.isContainerNode() ? (value.isArray() ? "配列" : "オブジェクト") : value.toString();
    return Quoted.cut(text);
  }
}
