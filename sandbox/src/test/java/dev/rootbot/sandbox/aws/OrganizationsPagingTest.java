package dev.rootbot.sandbox.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.InvalidInputExceptionReason;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;

/**
 * Organizations pages as AWS does: 20 items unless {@code MaxResults} asks for fewer (1–20), a {@code NextToken}
 * valid only for the list it came from, and {@code InvalidInputException} with its {@code Reason} otherwise.
 */
class OrganizationsPagingTest {
  private static final int MEMBERS = 2_000;

  private static SimulatedAws aws;
  private static OrganizationsClient orgs;
  private static String root;

  @BeforeAll
  static void start() {
    aws = SimulatedAws.start(Seed.generated(MEMBERS));
    orgs = Clients.management(aws).withoutRetries().organizations();
    root = orgs.listRoots().roots().get(0).id();
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @Test
  void a_client_that_ignores_next_token_sees_only_the_first_20_accounts() {
    var first = orgs.listAccounts();

    assertThat(first.accounts()).hasSize(20);
    assertThat(first.nextToken()).isNotNull();
  }

  @Test
  void list_accounts_pages_through_every_account_exactly_once() {
    List<String> ids = orgs.listAccountsPaginator(b -> b.maxResults(17)).stream()
        .flatMap(page -> page.accounts().stream()).map(Account::id).toList();

    assertThat(ids).hasSize(MEMBERS + 1).doesNotHaveDuplicates();
  }

  @Test
  void list_accounts_for_parent_takes_several_pages_for_a_large_ou() {
    String production = unit(root, "Production");
    ListAccountsForParentResponse first = orgs.listAccountsForParent(b -> b.parentId(production));
    ListAccountsForParentResponse second = orgs.listAccountsForParent(b -> b.parentId(production)
        .nextToken(first.nextToken()));
    List<String> all = orgs.listAccountsForParentPaginator(b -> b.parentId(production)).stream()
        .flatMap(page -> page.accounts().stream()).map(Account::id).toList();

    assertThat(aws.organization().accountsUnder(production)).hasSizeGreaterThanOrEqualTo(40);
    assertThat(first.accounts()).hasSize(20);
    assertThat(second.accounts()).hasSize(20).doesNotContainAnyElementsOf(first.accounts());
    assertThat(all).containsExactlyElementsOf(aws.organization().accountsUnder(production).stream()
        .map(a -> a.id()).toList());
  }

  @Test
  void list_organizational_units_for_parent_pages_with_max_results() {
    var first = orgs.listOrganizationalUnitsForParent(b -> b.parentId(root).maxResults(2));
    var second = orgs.listOrganizationalUnitsForParent(b -> b.parentId(root).maxResults(2)
        .nextToken(first.nextToken()));
    var third = orgs.listOrganizationalUnitsForParent(b -> b.parentId(root).maxResults(2)
        .nextToken(second.nextToken()));

    assertThat(List.of(first, second, third)).extracting(r -> r.organizationalUnits().size())
        .containsExactly(2, 2, 1);
    assertThat(third.nextToken()).isNull();
    assertThat(third.organizationalUnits().get(0).name()).isEqualTo("Security");
  }

  @Test
  void list_children_lists_accounts_or_ous_in_pages() {
    String production = unit(root, "Production");
    var accounts = orgs.listChildren(b -> b.parentId(production).childType(ChildType.ACCOUNT));
    var units = orgs.listChildren(b -> b.parentId(production).childType(ChildType.ORGANIZATIONAL_UNIT)
        .maxResults(2));

    assertThat(accounts.children()).hasSize(20).allSatisfy(c -> assertThat(c.type()).isEqualTo(ChildType.ACCOUNT));
    assertThat(accounts.nextToken()).isNotNull();
    assertThat(units.children()).hasSize(2)
        .allSatisfy(c -> assertThat(c.type()).isEqualTo(ChildType.ORGANIZATIONAL_UNIT));
    assertThat(GeneratedOrganizationTest.children(orgs, production, ChildType.ORGANIZATIONAL_UNIT))
        .containsExactlyElementsOf(aws.organization().unitsUnder(production).stream().map(u -> u.id()).toList());
  }

  @Test
  void max_results_outside_1_to_20_is_invalid_input_with_its_reason() {
    assertInvalid(() -> orgs.listAccounts(b -> b.maxResults(21)), InvalidInputExceptionReason.MAX_VALUE_EXCEEDED);
    assertInvalid(() -> orgs.listAccounts(b -> b.maxResults(0)), InvalidInputExceptionReason.MIN_VALUE_EXCEEDED);
    assertInvalid(() -> orgs.listChildren(b -> b.parentId(root).childType(ChildType.ACCOUNT).maxResults(50)),
        InvalidInputExceptionReason.MAX_VALUE_EXCEEDED);
  }

  @Test
  void a_token_is_valid_only_for_the_list_it_came_from() {
    String fromAccounts = orgs.listAccounts().nextToken();
    String fromChildren = orgs.listChildren(b -> b.parentId(unit(root, "Production")).childType(ChildType.ACCOUNT))
        .nextToken();

    assertInvalid(() -> orgs.listChildren(b -> b.parentId(unit(root, "Production")).childType(ChildType.ACCOUNT)
        .nextToken(fromAccounts)), InvalidInputExceptionReason.INVALID_NEXT_TOKEN);
    assertInvalid(() -> orgs.listChildren(b -> b.parentId(unit(root, "Staging")).childType(ChildType.ACCOUNT)
        .nextToken(fromChildren)), InvalidInputExceptionReason.INVALID_NEXT_TOKEN);
    assertInvalid(() -> orgs.listAccounts(b -> b.nextToken("garbage")), InvalidInputExceptionReason.INVALID_NEXT_TOKEN);
    assertThat(orgs.listAccounts(b -> b.nextToken(fromAccounts).maxResults(5)).accounts()).hasSize(5);
  }

  @Test
  void list_children_needs_a_known_child_type_and_parent() {
    assertInvalid(() -> orgs.listChildren(b -> b.parentId(root).childType("POLICY")),
        InvalidInputExceptionReason.INVALID_ENUM);
    assertInvalid(() -> orgs.listChildren(b -> b.parentId(root)), InvalidInputExceptionReason.INPUT_REQUIRED);
    assertThatThrownBy(() -> orgs.listChildren(b -> b.parentId("ou-gene-00000000").childType(ChildType.ACCOUNT)))
        .isInstanceOf(ParentNotFoundException.class);
  }

  private static String unit(String parent, String name) {
    return aws.organization().unitsUnder(parent).stream().filter(u -> u.name().equals(name)).findFirst()
        .orElseThrow().id();
  }

  private static void assertInvalid(Runnable call, InvalidInputExceptionReason reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
    });
  }

}
