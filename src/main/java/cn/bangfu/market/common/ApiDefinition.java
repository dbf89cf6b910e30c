package cn.bangfu.market.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API as a whole in the OpenAPI document: what it is, and each tag once with what it groups. */
@OpenAPIDefinition(
        info = @Info(title = "bangfu-market API", version = "1",
                description = "消费帮扶 / 产业帮扶 marketplace for counties out of poverty and their paired regions: "
                        + "catalogue, households, benefit links (联农带农), consumption orders, and the household "
                        + "income ledger (台账). Money is integer fen; errors are RFC 9457 problem+json; "
                        + "resident ID numbers are always masked."),
        tags = {
                @Tag(name = "Regions", description = "Administrative regions from province to village (行政区划)"),
                @Tag(name = "Cooperatives", description = "Business entities (经营主体): registered and reviewed by "
                        + "bureau staff"),
                @Tag(name = "Products", description = "Featured products listed by cooperatives; the catalogue is "
                        + "public"),
                @Tag(name = "Households", description = "Households (农户) monitored by the county bureau, with rosters "
                        + "imported from CSV or XLSX"),
                @Tag(name = "Benefit links", description = "How a cooperative shares its income with a household "
                        + "(联农带农): sales share, dividend, floor-price purchase, wage, land rent"),
                @Tag(name = "Buyers", description = "Paired-region buyers and budget units with their reserved share "
                        + "(预留份额)"),
                @Tag(name = "Agreements", description = "Paired-region purchase agreements (东西部协作, 粤桂协作)"),
                @Tag(name = "Orders", description = "Consumption orders (消费帮扶) from placing to delivery and return"),
                @Tag(name = "Income", description = "Household income recorded by cooperatives and derived from "
                        + "deliveries; monitoring lines and households at risk (防返贫监测)"),
                @Tag(name = "Exports", description = "The household income ledger and contribution ledger as "
                        + "CSV or XLSX files for Excel"),
                @Tag(name = "Reports", description = "Agreement fulfilment and region figures"),
                @Tag(name = "Development", description = "Tokens for development and tests; absent from a production "
                        + "build")
        })
public class ApiDefinition extends Application {
}
