package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.Text;
import cn.bangfu.market.cooperatives.Cooperative;
import cn.bangfu.market.cooperatives.CooperativeService;
import cn.bangfu.market.imports.ImportPipeline;
import cn.bangfu.market.imports.ImportRow;
import cn.bangfu.market.imports.RowError;
import cn.bangfu.market.imports.RowErrors;
import cn.bangfu.market.regions.RegionService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cooperative's price list in bulk (产品清单导入), through the {@link ImportPipeline}: all rows or
 * none. A row names its product by {@code id}, else by {@code sku}; a named product is updated
 * (only what differs, so an unchanged row changes nothing), any other row lists a new product.
 * A {@code version} cell must still be the product's version (the file was exported from it).
 */
@ApplicationScoped
public class ProductImport {

    @Inject
    EntityManager em;

    @Inject
    CooperativeService cooperatives;

    @Inject
    Validator validator;

    /** What an import did: rows imported, of which products listed and products changed. */
    @RegisterForReflection
    public record Result(int imported, int created, int updated) {
    }

    @Transactional
    public Result importPriceList(long cooperativeId, List<ImportRow> rows) {
        // one import of a cooperative at a time: the second waits and then sees the first's products
        Cooperative cooperative = cooperatives.lock(cooperativeId);
        Instant now = BusinessClock.now();
        Checked checked = new Checked();
        ImportPipeline.run(em, rows, this::parseRow, (parsed, errors) -> check(cooperative.id, parsed, errors,
                checked, now));
        return new Result(rows.size(), checked.created, checked.updated);
    }

    /** What the check found, for the result. */
    private static final class Checked {
        int created;
        int updated;
    }

    private ProductColumns.PriceListRow parseRow(ImportRow row, RowErrors errors) {
        ProductColumns.PriceListRow parsed = ProductColumns.toRow(row, errors);
        if (parsed != null) {
            errors.addAll(ImportPipeline.violations(validator, parsed.fields(), row.row()));
        }
        return parsed;
    }

    /**
     * Matches rows with the cooperative's products (by id, by sku: a query per 1,000 of each),
     * and when every row passed applies the updates to the managed products (flushed with the
     * inserts); answers the new products.
     */
    private List<Product> check(long cooperativeId, List<ImportPipeline.Parsed<ProductColumns.PriceListRow>> parsed,
                                RowErrors errors, Checked checked, Instant now) {
        Map<Long, Product> byId = new HashMap<>();
        for (List<Long> chunk : RegionService.chunks(parsed.stream().map(p -> p.value().id())
                .filter(Objects::nonNull).distinct().toList())) {
            em.createQuery("from Product p where p.cooperativeId = :cooperative and p.id in :ids", Product.class)
                    .setParameter("cooperative", cooperativeId).setParameter("ids", chunk).getResultList()
                    .forEach(p -> byId.put(p.id, p));
        }
        Map<String, Product> bySku = new HashMap<>();
        for (List<String> chunk : RegionService.chunks(parsed.stream().map(p -> p.value().sku())
                .filter(Objects::nonNull).distinct().toList())) {
            em.createQuery("from Product p where p.cooperativeId = :cooperative and p.sku in :skus", Product.class)
                    .setParameter("cooperative", cooperativeId).setParameter("skus", chunk).getResultList()
                    .forEach(p -> bySku.put(p.sku, p));
        }
        Map<Long, Integer> productRow = new HashMap<>();
        Map<String, Integer> skuRow = new HashMap<>();
        List<Product> created = new ArrayList<>();
        Map<Product, ProductPatch> updates = new LinkedHashMap<>();
        for (ImportPipeline.Parsed<ProductColumns.PriceListRow> p : parsed) {
            ProductColumns.PriceListRow row = p.value();
            int before = errors.size();
            Product target = row.id() != null ? byId.get(row.id()) : row.sku() != null ? bySku.get(row.sku()) : null;
            if (row.id() != null && target == null) {
                errors.add(RowError.of(p.row(), "id", "your cooperative has no product " + row.id(),
                        "你的经营主体没有产品 " + row.id()));
                continue;
            }
            if (row.sku() != null) {
                Integer first = skuRow.putIfAbsent(row.sku(), p.row());
                if (first != null) {
                    errors.add(RowError.of(p.row(), "sku", "sku " + row.sku() + " repeats row " + first,
                            "货号 " + row.sku() + " 与第 " + first + " 行重复"));
                }
                Product holder = bySku.get(row.sku());
                if (holder != null && holder != target) {
                    errors.add(RowError.of(p.row(), "sku", "sku " + row.sku() + " is product " + holder.id + "'s",
                            "货号 " + row.sku() + " 已属于产品 " + holder.id));
                }
            }
            if (target == null) {
                newProduct(cooperativeId, p.row(), row, errors, now).ifPresent(created::add);
                continue;
            }
            Integer first = productRow.putIfAbsent(target.id, p.row());
            if (first != null) {
                errors.add(RowError.of(p.row(), row.id() != null ? "id" : "sku",
                        "product " + target.id + " repeats row " + first, "产品 " + target.id + " 与第 " + first + " 行重复"));
            }
            if (row.version() != null && row.version() != target.version) {
                errors.add(RowError.of(p.row(), "version", "product " + target.id + " is at version "
                        + target.version + ", not " + row.version() + ": it changed since the file was exported",
                        "产品 " + target.id + " 的当前版本是 " + target.version + "，不是 " + row.version()
                        + "：文件导出后该产品已有变更"));
            }
            if (errors.size() == before) {
                updates.put(target, row.fields());
            }
        }
        if (errors.isEmpty()) {
            // only now that every row passed: a rejected import leaves the managed products as they were
            updates.forEach((product, fields) -> {
                if (ProductService.apply(product, fields, now)) {
                    checked.updated++;
                }
            });
            checked.created = created.size();
        }
        return created;
    }

    private Optional<Product> newProduct(long cooperativeId, int rowNumber,
                                                   ProductColumns.PriceListRow row, RowErrors errors,
                                                   Instant now) {
        ProductPatch f = row.fields();
        ProductRequest request = new ProductRequest(f.name(), f.category(), f.unit(), f.priceFen(),
                f.stock(), f.householdShareBp(), f.brand(), f.certifications(), f.sku());
        int before = errors.size();
        ImportPipeline.violations(validator, request, rowNumber).forEach(e ->
                errors.add(new RowError(e.row(), e.field(), Text.of(e.message().english() + " for a new product",
                        e.message().chinese() + "（新产品）"))));
        if (f.status() == ProductStatus.DELISTED) {
            errors.add(RowError.of(rowNumber, "status", "a new product is listed ACTIVE", "新产品只能以 ACTIVE 状态上架"));
        }
        return errors.size() > before ? Optional.empty()
                : Optional.of(ProductService.newProduct(cooperativeId, request, now));
    }
}
