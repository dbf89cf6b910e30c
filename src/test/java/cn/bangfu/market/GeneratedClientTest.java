package cn.bangfu.market;

import cn.bangfu.client.ApiClient;
import cn.bangfu.client.ApiException;
import cn.bangfu.client.api.BenefitLinksApi;
import cn.bangfu.client.api.BuyersApi;
import cn.bangfu.client.api.CooperativesApi;
import cn.bangfu.client.api.HouseholdsApi;
import cn.bangfu.client.api.IncomeApi;
import cn.bangfu.client.api.OrdersApi;
import cn.bangfu.client.api.ProductsApi;
import cn.bangfu.client.model.BuyerKind;
import cn.bangfu.client.model.BuyerRequest;
import cn.bangfu.client.model.Category;
import cn.bangfu.client.model.CooperativeKind;
import cn.bangfu.client.model.CooperativeRequest;
import cn.bangfu.client.model.CooperativeStatus;
import cn.bangfu.client.model.HouseholdCategory;
import cn.bangfu.client.model.HouseholdIncome;
import cn.bangfu.client.model.HouseholdRequest;
import cn.bangfu.client.model.LinkRequest;
import cn.bangfu.client.model.Mechanism;
import cn.bangfu.client.model.OrderLineRequest;
import cn.bangfu.client.model.OrderStatus;
import cn.bangfu.client.model.OrderView;
import cn.bangfu.client.model.PlaceOrderRequest;
import cn.bangfu.client.model.ProductRequest;
import cn.bangfu.client.model.ProductView;
import cn.bangfu.client.model.StatusRequest;
import cn.bangfu.market.support.Api;
import cn.bangfu.market.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client developer's first day: the Java client openapi-generator builds from the published document
 * (src/openapi/openapi.json) registers, lists, orders, delivers and reads the income it created.
 */
@QuarkusTest
class GeneratedClientTest {

    @Test
    void registerListOrderDeliverAndReadIncome() throws ApiException {
        Fixtures.standardRegions();
        String village = Fixtures.newJingningVillage();
        ApiClient bureau = client(Map.of("groups", List.of("bureau"), "region_code", Fixtures.JINGNING));

        CooperativesApi cooperatives = new CooperativesApi(bureau);
        long cooperativeId = cooperatives.registerCooperative(new CooperativeRequest().name("静宁县红果苹果专业合作社")
                .creditCode(Fixtures.randomCreditCode()).kind(CooperativeKind.COOPERATIVE)
                .regionCode(Fixtures.JINGNING)).getId();
        assertThat(cooperatives.changeCooperativeStatus(cooperativeId,
                new StatusRequest().status(CooperativeStatus.APPROVED)).getStatusNote()).isNull();
        long householdId = new HouseholdsApi(bureau).registerHousehold(new HouseholdRequest()
                .code(Fixtures.uniqueCode("G")).headName("王建国").idNumber(Fixtures.randomIdNumber())
                .villageCode(village).members(4).category(HouseholdCategory.POVERTY_ALLEVIATED)).getId();

        ApiClient cooperative = client(Map.of("groups", List.of("cooperative"), "cooperative_id", cooperativeId));
        ProductView product = new ProductsApi(cooperative).createProduct(cooperativeId, new ProductRequest()
                .name("静宁苹果 " + Fixtures.uniqueCode("")).category(Category.FRUIT).unit("箱").priceFen(5990L)
                .stock(100).householdShareBp(1000));
        new BenefitLinksApi(bureau).createLink(new LinkRequest().cooperativeId(cooperativeId).householdId(householdId)
                .mechanism(Mechanism.SALES_SHARE).validFrom(LocalDate.of(2000, 1, 1)).weight(1));

        // (category, certification, page, q, recognized, regionCode, size, sort)
        List<ProductView> listed = new ProductsApi(client(null)).searchProducts(null, null, null, product.getName(),
                null, null, null, null).getItems();
        assertThat(listed).extracting(ProductView::getId).containsExactly(product.getId());

        ApiClient wuqing = client(Map.of("groups", List.of("bureau"), "region_code", Fixtures.WUQING));
        long buyerId = new BuyersApi(wuqing).registerBuyer(new BuyerRequest().name("武清区某企业")
                .kind(BuyerKind.ENTERPRISE).regionCode(Fixtures.WUQING)).getId();
        OrdersApi asBuyer = new OrdersApi(client(Map.of("groups", List.of("buyer"), "buyer_id", buyerId)));
        PlaceOrderRequest order = new PlaceOrderRequest().buyerId(buyerId)
                .lines(List.of(new OrderLineRequest().productId(product.getId()).quantity(2)));
        String key = Fixtures.uniqueCode("K");
        OrderView placed = asBuyer.placeOrder(key, order);
        assertThat(asBuyer.placeOrder(key, order).getId()).as("a retry with the same key").isEqualTo(placed.getId());
        assertThat(placed.getTotalFen()).isEqualTo(11_980L);
        assertThat(placed.getAgreementId()).isNull();

        OrdersApi asCooperative = new OrdersApi(cooperative);
        asCooperative.confirmOrder(placed.getId());
        asCooperative.shipOrder(placed.getId());
        OrderView delivered = asBuyer.deliverOrder(placed.getId());
        assertThat(delivered.getStatus()).isEqualTo(OrderStatus.DELIVERED);

        HouseholdIncome income = new IncomeApi(bureau).getHouseholdIncome(householdId,
                delivered.getDeliveredOn().getYear());
        assertThat(income.getContributionsFen()).isEqualTo(1_198L); // 10% of 119.80 yuan, the only linked household
        assertThat(income.getByMechanism()).containsEntry("SALES_SHARE", 1_198L);
        assertThat(delivered.getDeliveredOn().getYear()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
    }

    /** A client of the service under test, with a development token of {@code claims} (none when null). */
    private static ApiClient client(Map<String, Object> claims) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RestAssured.baseURI + ":" + RestAssured.port);
        if (claims != null) {
            String token = Api.token(claims);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
