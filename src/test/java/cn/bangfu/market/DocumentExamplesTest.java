package cn.bangfu.market;

import cn.bangfu.market.buyers.ReserveFilingRequest;
import cn.bangfu.market.catalogue.ProductRequest;
import cn.bangfu.market.catalogue.RecognitionRequest;
import cn.bangfu.market.catalogue.RevocationRequest;
import cn.bangfu.market.cooperatives.CooperativeRequest;
import cn.bangfu.market.households.HouseholdHistory;
import cn.bangfu.market.households.HouseholdPatch;
import cn.bangfu.market.households.HouseholdRequest;
import cn.bangfu.market.links.LinkRequest;
import cn.bangfu.market.support.CommittedDocument;
import cn.bangfu.market.trade.PlaceOrderRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request examples of the published document are requests the service takes: read by the service's
 * own JSON mapper and validated by its own rules, none breaks a field rule. A tool that sends the
 * document's examples (a contract runner, Swagger UI's "Try it out") gets past validation with each but
 * the household's, whose ID number is a placeholder: a valid one would be a full resident ID number in
 * every copy of the document.
 */
@QuarkusTest
class DocumentExamplesTest {

    private static final Map<String, Class<?>> REQUESTS = Map.ofEntries(
            entry("CooperativeRequest", CooperativeRequest.class),
            entry("HouseholdChangeRequest", HouseholdHistory.ChangeRequest.class),
            entry("HouseholdPatch", HouseholdPatch.class),
            entry("HouseholdRequest", HouseholdRequest.class),
            entry("LinkRequest", LinkRequest.class),
            entry("PlaceOrderRequest", PlaceOrderRequest.class),
            entry("ProductRequest", ProductRequest.class),
            entry("RecognitionRequest", RecognitionRequest.class),
            entry("ReserveFilingRequest", ReserveFilingRequest.class),
            entry("RevocationRequest", RevocationRequest.class));

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Test
    void everyRequestExampleIsOneTheServiceTakes() throws IOException {
        JsonNode schemas = CommittedDocument.schemas();
        Set<String> withExamples = new TreeSet<>();
        schemas.properties().forEach(schema -> {
            if (schema.getValue().has("examples") && "object".equals(schema.getValue().path("type").asText())) {
                withExamples.add(schema.getKey());
            }
        });
        assertThat(withExamples).as("every object example is checked here").isEqualTo(new TreeSet<>(REQUESTS.keySet()));
        for (Map.Entry<String, Class<?>> request : REQUESTS.entrySet()) {
            JsonNode example = schemas.path(request.getKey()).path("examples").path(0);
            Object read = json.treeToValue(example, request.getValue());
            Set<String> broken = validator.validate(read).stream().map(v -> v.getPropertyPath().toString())
                    .collect(Collectors.toSet());
            assertThat(broken).as(request.getKey())
                    .isEqualTo("HouseholdRequest".equals(request.getKey()) ? Set.of("idNumber") : Set.of());
        }
    }
}
