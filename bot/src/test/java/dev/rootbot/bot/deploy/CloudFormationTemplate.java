package dev.rootbot.bot.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A CloudFormation template read as CloudFormation reads it, and rendered for a set of parameter values the way
 * CloudFormation does before it creates anything: conditions evaluated, resources and outputs of false conditions
 * dropped, {@code Fn::If} replaced by its branch and {@code AWS::NoValue} removed. Everything else ({@code Ref} to
 * a resource, {@code Fn::GetAtt}, {@code Fn::Sub}) stays as written, for the tests to inspect.
 *
 * <p>Short-form tags become their long form ({@code !Ref X} is {@code {Ref: X}}, {@code !GetAtt A.B} is
 * {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s} is {@code {Fn::Sub: s}}); scalars stay strings, as CloudFormation
 * passes them; duplicate keys are refused. An intrinsic function that a condition or rule uses and this class
 * does not know is refused, never guessed at.
 */
final class CloudFormationTemplate {
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");
  /** Marks what {@code AWS::NoValue} removes. */
  private static final Object NO_VALUE = new Object();

  private final Map<String, Object> document;

  private CloudFormationTemplate(Map<String, Object> document) {
    this.document = document;
  }

  static CloudFormationTemplate read(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object document = new Yaml(new WithCloudFormationTags(options)).load(yaml);
    if (!(document instanceof Map)) {
      throw new IllegalArgumentException("a template is a mapping");
    }
    return new CloudFormationTemplate(map(document));
  }

  /** A top-level section (Parameters, Rules, Conditions, Resources, Outputs, Metadata), empty when absent. */
  Map<String, Object> section(String name) {
    Object section = document.get(name);
    return section == null ? Map.of() : map(section);
  }

  /**
   * Every name the template's logic uses: the targets of {@code Ref} and {@code Fn::GetAtt}, the variables of
   * {@code Fn::Sub} (the part before a dot), and the conditions named by {@code Condition} or {@code Fn::If}.
   * Parameter declarations and the console's parameter groups are not uses.
   */
  Set<String> usedNames() {
    Set<String> names = new LinkedHashSet<>();
    for (String section : List.of("Rules", "Conditions", "Resources", "Outputs")) {
      collectNames(section(section), names);
    }
    return names;
  }

  /** The resources and outputs CloudFormation would create with these parameter values (others at their defaults). */
  Rendered render(Map<String, String> values) {
    Map<String, Object> parameters = parameterValues(values);
    Map<String, Boolean> conditions = new LinkedHashMap<>();
    for (String name : section("Conditions").keySet()) {
      conditions.put(name, condition(name, parameters, conditions));
    }
    return new Rendered(kept(section("Resources"), parameters, conditions),
        kept(section("Outputs"), parameters, conditions));
  }

  /** The AssertDescription of every rule assertion that these parameter values break. */
  List<String> brokenRules(Map<String, String> values) {
    Map<String, Object> parameters = parameterValues(values);
    List<String> broken = new ArrayList<>();
    for (Object rule : section("Rules").values()) {
      Map<String, Object> body = map(rule);
      if (body.containsKey("RuleCondition") && !truth(evaluate(body.get("RuleCondition"), parameters, Map.of()))) {
        continue;
      }
      for (Object assertion : list(body.get("Assertions"))) {
        Map<String, Object> a = map(assertion);
        if (!truth(evaluate(a.get("Assert"), parameters, Map.of()))) {
          broken.add((String) a.get("AssertDescription"));
        }
      }
    }
    return broken;
  }

  /** What a rendering keeps: resources and outputs by logical ID, conditions and {@code Fn::If} resolved. */
  record Rendered(Map<String, Map<String, Object>> resources, Map<String, Map<String, Object>> outputs) {
    /** The properties of a resource that this rendering creates. */
    Map<String, Object> properties(String resource) {
      Map<String, Object> body = resources.get(resource);
      if (body == null) {
        throw new AssertionError("no resource " + resource + " in this rendering; it has " + resources.keySet());
      }
      Object properties = body.get("Properties");
      return properties == null ? Map.of() : map(properties);
    }

    /** The logical IDs of the resources of one type. */
    List<String> ofType(String type) {
      return resources.entrySet().stream().filter(e -> type.equals(e.getValue().get("Type"))).map(Map.Entry::getKey)
          .toList();
    }
  }

  // ---- rendering ----

  private Map<String, Object> parameterValues(Map<String, String> values) {
    Map<String, Object> declared = section("Parameters");
    for (String name : values.keySet()) {
      if (!declared.containsKey(name)) {
        throw new IllegalArgumentException("the template has no parameter " + name);
      }
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (Map.Entry<String, Object> parameter : declared.entrySet()) {
      Map<String, Object> declaration = map(parameter.getValue());
      String value = values.getOrDefault(parameter.getKey(), (String) declaration.get("Default"));
      if (value == null) {
        throw new IllegalArgumentException("parameter " + parameter.getKey() + " has no default; give it a value");
      }
      Object allowed = declaration.get("AllowedValues");
      if (allowed != null && !list(allowed).contains(value)) {
        throw new IllegalArgumentException(parameter.getKey() + " allows " + allowed + ", not " + value);
      }
      boolean isList = String.valueOf(declaration.get("Type")).startsWith("CommaDelimitedList")
          || String.valueOf(declaration.get("Type")).startsWith("List<");
      resolved.put(parameter.getKey(), isList ? Arrays.asList(value.split(",", -1)) : value);
    }
    return resolved;
  }

  private boolean condition(String name, Map<String, Object> parameters, Map<String, Boolean> done) {
    Boolean known = done.get(name);
    if (known != null) {
      return known;
    }
    Object body = section("Conditions").get(name);
    if (body == null) {
      throw new IllegalArgumentException("no condition " + name);
    }
    boolean value = truth(evaluate(body, parameters, done));
    done.put(name, value);
    return value;
  }

  /** The value of a condition or rule expression: a string, a list of strings or a boolean. */
  private Object evaluate(Object expression, Map<String, Object> parameters, Map<String, Boolean> conditions) {
    if (expression instanceof String) {
      return expression;
    }
    if (expression instanceof List) {
      List<Object> values = new ArrayList<>();
      list(expression).forEach(item -> values.add(evaluate(item, parameters, conditions)));
      return values;
    }
    Map<String, Object> function = map(expression);
    if (function.size() != 1) {
      throw new IllegalArgumentException("not an intrinsic function: " + expression);
    }
    String name = function.keySet().iterator().next();
    Object argument = function.get(name);
    switch (name) {
      case "Ref": {
        Object value = parameters.get((String) argument);
        if (value == null) {
          throw new IllegalArgumentException("a condition or rule can only refer to parameters, not " + argument);
        }
        return value;
      }
      case "Condition":
        return condition((String) argument, parameters, conditions);
      case "Fn::Equals": {
        List<Object> two = list(argument);
        return evaluate(two.get(0), parameters, conditions).equals(evaluate(two.get(1), parameters, conditions));
      }
      case "Fn::Not":
        return !truth(evaluate(list(argument).get(0), parameters, conditions));
      case "Fn::And":
        return list(argument).stream().allMatch(c -> truth(evaluate(c, parameters, conditions)));
      case "Fn::Or":
        return list(argument).stream().anyMatch(c -> truth(evaluate(c, parameters, conditions)));
      case "Fn::Contains": {
        List<Object> two = list(argument);
        return list(evaluate(two.get(0), parameters, conditions)).contains(evaluate(two.get(1), parameters, conditions));
      }
      case "Fn::Join": {
        List<Object> two = list(argument);
        List<String> parts = new ArrayList<>();
        list(evaluate(two.get(1), parameters, conditions)).forEach(part -> parts.add((String) part));
        return String.join((String) two.get(0), parts);
      }
      default:
        throw new IllegalArgumentException("this reader does not evaluate " + name + " in a condition or rule");
    }
  }

  private Map<String, Map<String, Object>> kept(Map<String, Object> entries, Map<String, Object> parameters,
      Map<String, Boolean> conditions) {
    Map<String, Map<String, Object>> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : entries.entrySet()) {
      Map<String, Object> body = map(entry.getValue());
      Object condition = body.get("Condition");
      if (condition == null || condition((String) condition, parameters, conditions)) {
        kept.put(entry.getKey(), map(resolve(body, parameters, conditions)));
      }
    }
    return kept;
  }

  /** Replaces each {@code Fn::If} by its branch and drops {@code AWS::NoValue}. */
  private Object resolve(Object value, Map<String, Object> parameters, Map<String, Boolean> conditions) {
    if (value instanceof List) {
      List<Object> resolved = new ArrayList<>();
      for (Object item : list(value)) {
        Object r = resolve(item, parameters, conditions);
        if (r != NO_VALUE) {
          resolved.add(r);
        }
      }
      return resolved;
    }
    if (!(value instanceof Map)) {
      return value;
    }
    Map<String, Object> map = map(value);
    if (map.size() == 1 && "AWS::NoValue".equals(map.get("Ref"))) {
      return NO_VALUE;
    }
    if (map.size() == 1 && map.containsKey("Fn::If")) {
      List<Object> branches = list(map.get("Fn::If"));
      boolean holds = condition((String) branches.get(0), parameters, conditions);
      return resolve(branches.get(holds ? 1 : 2), parameters, conditions);
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      Object r = resolve(entry.getValue(), parameters, conditions);
      if (r != NO_VALUE) {
        resolved.put(entry.getKey(), r);
      }
    }
    return resolved;
  }

  // ---- names ----

  private static void collectNames(Object value, Set<String> names) {
    if (value instanceof List) {
      list(value).forEach(item -> collectNames(item, names));
      return;
    }
    if (!(value instanceof Map)) {
      return;
    }
    for (Map.Entry<String, Object> entry : map(value).entrySet()) {
      Object argument = entry.getValue();
      switch (entry.getKey()) {
        case "Ref":
        case "Condition":
          if (argument instanceof String) {
            names.add((String) argument);
          }
          break;
        case "Fn::GetAtt":
          names.add((String) list(argument).get(0));
          break;
        case "Fn::If":
          names.add((String) list(argument).get(0));
          break;
        case "Fn::Sub":
          subNames(argument, names);
          break;
        default:
          break;
      }
      collectNames(argument, names);
    }
  }

  /** The variables of a Sub's string, less those its own map defines. */
  private static void subNames(Object argument, Set<String> names) {
    String text;
    Set<String> local = Set.of();
    if (argument instanceof List) {
      text = (String) list(argument).get(0);
      local = map(list(argument).get(1)).keySet();
    } else {
      text = (String) argument;
    }
    Matcher variable = SUB_VARIABLE.matcher(text);
    while (variable.find()) {
      String name = variable.group(1).split("\\.")[0];
      if (!local.contains(name)) {
        names.add(name);
      }
    }
  }

  // ---- plumbing ----

  private static boolean truth(Object value) {
    if (!(value instanceof Boolean)) {
      throw new IllegalArgumentException("not a condition: " + value);
    }
    return (Boolean) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("expected a mapping, got " + value);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    if (!(value instanceof List)) {
      throw new IllegalArgumentException("expected a list, got " + value);
    }
    return (List<Object>) value;
  }

  /** SnakeYAML's safe constructor, taught CloudFormation's short-form tags and to keep scalars as strings. */
  private static final class WithCloudFormationTags extends SafeConstructor {
    WithCloudFormationTags(LoaderOptions options) {
      super(options);
      AbstractConstruct asString = new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          return constructScalar((ScalarNode) node);
        }
      };
      for (Tag tag : List.of(Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.TIMESTAMP)) {
        yamlConstructors.put(tag, asString);
      }
      yamlMultiConstructors.put("!", new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          String tag = node.getTag().getValue().substring(1);
          Object argument;
          if (node instanceof ScalarNode) {
            String text = constructScalar((ScalarNode) node);
            argument = tag.equals("GetAtt") ? List.of(text.split("\\.", 2)) : text;
          } else if (node instanceof SequenceNode) {
            argument = constructSequence((SequenceNode) node);
          } else {
            argument = constructMapping((MappingNode) node);
          }
          String name = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
          Map<String, Object> function = new LinkedHashMap<>();
          function.put(name, argument);
          return function;
        }
      });
    }
  }
}
