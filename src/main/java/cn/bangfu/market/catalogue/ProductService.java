package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BusinessClock;
import cn.bangfu.market.common.HqlFilter;
import cn.bangfu.market.common.JdbcRows;
import cn.bangfu.market.common.Page;
import cn.bangfu.market.common.TextRules;
import cn.bangfu.market.common.PageRequest;
import cn.bangfu.market.cooperatives.Cooperative;
import cn.bangfu.market.cooperatives.CooperativeService;
import cn.bangfu.market.cooperatives.CooperativeStatus;
import cn.bangfu.market.regions.RegionService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class ProductService {

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    CatalogueCounts counts;

    @Inject
    CooperativeService cooperatives;

    @Inject
    RegionService regions;

    @Inject
    BusinessClock clock;

    @Transactional
    public ProductView create(long cooperativeId, ProductRequest request) {
        Cooperative cooperative = cooperatives.require(cooperativeId);
        requireFreeSku(cooperative.id, request.sku(), null);
        Product product = newProduct(cooperative.id, request, BusinessClock.now());
        product.persistAndFlush();
        return ProductView.of(product, cooperative.name, cooperative.regionCode);
    }

    /** A new ACTIVE listing of a request (validated, its sku free), not yet persisted. */
    static Product newProduct(long cooperativeId, ProductRequest request, Instant now) {
        Product product = new Product();
        product.cooperativeId = cooperativeId;
        product.name = request.name().trim();
        product.category = request.category();
        product.unit = request.unit().trim();
        product.priceFen = request.priceFen();
        product.stock = request.stock();
        product.householdShareBp = request.householdShareBp() == null ? 0 : request.householdShareBp();
        product.brand = request.brand();
        product.certifications = toArray(request.certifications());
        product.sku = request.sku();
        product.status = ProductStatus.ACTIVE;
        product.createdAt = now;
        product.updatedAt = now;
        return product;
    }

    /** Applies a partial update for the owning cooperative. */
    @Transactional
    public ProductView update(long productId, long callerCooperativeId, ProductPatch patch) {
        Product product = require(productId);
        if (product.cooperativeId != callerCooperativeId) {
            throw ApiProblem.forbidden("product " + productId + " belongs to another cooperative",
                    "产品 " + productId + " 属于其他经营主体");
        }
        if (patch.version() != null && patch.version() != product.version) {
            throw ApiProblem.conflict("product " + productId + " is at version " + product.version
                    + ", not " + patch.version() + "; reload it and retry",
                    "产品 " + productId + " 的当前版本是 " + product.version + "，不是 " + patch.version()
                    + "；请重新加载后重试");
        }
        if (patch.sku() != null && !patch.sku().equals(product.sku)) {
            requireFreeSku(product.cooperativeId, patch.sku(), product.id); // before the change: no auto-flush of it
        }
        if (apply(product, patch, BusinessClock.now())) {
            product.flush();
        }
        Cooperative cooperative = cooperatives.require(product.cooperativeId);
        return ProductView.of(product, cooperative.name, cooperative.regionCode);
    }

    /**
     * One product, as the public catalogue shows it. The catalogue's one read in plain JDBC (the rest
     * of the feature is Hibernate): it is the service's hottest request, and the same projection
     * through Hibernate cost twice the JVM time per read (0.37–0.44 ms against 0.17–0.22 ms,
     * alternated in one run; the bare app 0.17 ms; README, issue 13's sixth round). A stateless
     * session did no better. {@code ProductRecognitionTest} checks it shows what the HQL list shows.
     */
    public ProductView get(long productId) {
        List<ProductRow> rows = JdbcRows.list(dataSource, ProductRow.SQL_BY_ID,
                statement -> statement.setLong(1, productId), ProductRow::of, "read a product by id");
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("product", productId);
        }
        return rows.get(0).view();
    }

    /**
     * 帮扶产品认定: a bureau whose region contains the product's cooperative files (or replaces)
     * the product's recognition. A replaced one no longer counts; order lines keep what they saw.
     */
    @Transactional
    public ProductView recognize(long productId, String bureauRegion, RecognitionRequest request) {
        if (request.validTo().isBefore(request.validFrom())) {
            throw ApiProblem.invalidField("validTo", "must not be before validFrom", "不能早于 validFrom");
        }
        Product product = require(productId);
        Cooperative cooperative = governedCooperative(product, bureauRegion);
        product.recognitionCertificateNo = request.certificateNo().strip();
        product.recognitionValidFrom = request.validFrom();
        product.recognitionValidTo = request.validTo();
        product.recognitionRevokedOn = null;
        product.recognitionRevokeReason = null;
        product.updatedAt = BusinessClock.now();
        em.flush(); // the version the view shows
        return ProductView.of(product, cooperative.name, cooperative.regionCode);
    }

    /** Revokes the product's recognition from {@code date} on (that day no longer counts); once. */
    @Transactional
    public ProductView revokeRecognition(long productId, String bureauRegion, RevocationRequest request) {
        Product product = require(productId);
        Cooperative cooperative = governedCooperative(product, bureauRegion);
        if (product.recognitionCertificateNo == null) {
            throw ApiProblem.conflict("product " + productId + " has no recognition to revoke",
                    "产品 " + productId + " 没有可撤销的认定");
        }
        if (product.recognitionRevokedOn != null) {
            throw ApiProblem.conflict("the recognition of product " + productId + " was revoked on "
                    + product.recognitionRevokedOn,
                    "产品 " + productId + " 的认定已于 " + product.recognitionRevokedOn + " 撤销");
        }
        // a rule against the stored recognition, not the request's own fields: 422, as for a link's end
        if (request.date().isBefore(product.recognitionValidFrom)) {
            throw ApiProblem.unprocessable("date", "must not be before the recognition's validFrom "
                    + product.recognitionValidFrom, "不能早于认定的 validFrom " + product.recognitionValidFrom);
        }
        product.recognitionRevokedOn = request.date();
        product.recognitionRevokeReason = request.reason().strip();
        product.updatedAt = BusinessClock.now();
        em.flush();
        return ProductView.of(product, cooperative.name, cooperative.regionCode);
    }

    private Cooperative governedCooperative(Product product, String bureauRegion) {
        Cooperative cooperative = cooperatives.require(product.cooperativeId);
        regions.requireGoverned(bureauRegion, cooperative.regionCode);
        return cooperative;
    }

    /**
     * Sets the fields a patch names (validated, its sku free) where they differ, and answers
     * whether anything changed: an unchanged product keeps its version and updatedAt.
     */
    static boolean apply(Product product, ProductPatch patch, Instant now) {
        boolean changed = false;
        if (patch.name() != null && !patch.name().trim().equals(product.name)) {
            product.name = patch.name().trim();
            changed = true;
        }
        if (patch.category() != null && patch.category() != product.category) {
            product.category = patch.category();
            changed = true;
        }
        if (patch.unit() != null && !patch.unit().trim().equals(product.unit)) {
            product.unit = patch.unit().trim();
            changed = true;
        }
        if (patch.priceFen() != null && patch.priceFen() != product.priceFen) {
            product.priceFen = patch.priceFen();
            changed = true;
        }
        if (patch.stock() != null && patch.stock() != product.stock) {
            product.stock = patch.stock();
            changed = true;
        }
        if (patch.householdShareBp() != null && patch.householdShareBp() != product.householdShareBp) {
            product.householdShareBp = patch.householdShareBp();
            changed = true;
        }
        if (patch.brand() != null && !patch.brand().equals(product.brand)) {
            product.brand = patch.brand();
            changed = true;
        }
        if (patch.certifications() != null && !sameCertifications(patch.certifications(), product.certifications)) {
            product.certifications = toArray(patch.certifications());
            changed = true;
        }
        if (patch.status() != null && patch.status() != product.status) {
            product.status = patch.status();
            changed = true;
        }
        if (patch.sku() != null && !patch.sku().equals(product.sku)) {
            product.sku = patch.sku();
            changed = true;
        }
        if (changed) {
            product.updatedAt = now;
        }
        return changed;
    }

    /** 409 when another product of the cooperative (not {@code productId}) has {@code sku}; the unique index backs this. */
    private void requireFreeSku(long cooperativeId, String sku, Long productId) {
        if (sku == null) {
            return;
        }
        boolean taken = em.createQuery("select count(p) from Product p where p.cooperativeId = :cooperative "
                        + "and p.sku = :sku and (:id is null or p.id <> :id)", Long.class)
                .setParameter("cooperative", cooperativeId).setParameter("sku", sku)
                .setParameter("id", productId).getSingleResult() > 0;
        if (taken) {
            throw ApiProblem.conflict("sku " + sku + " is already another product's of this cooperative",
                    "货号 " + sku + " 已被本经营主体的其他产品使用");
        }
    }

    public Product require(long productId) {
        Product product = Product.findById(productId);
        if (product == null) {
            throw ApiProblem.notFound("product", productId);
        }
        return product;
    }

    /** The public catalogue: ACTIVE products of APPROVED cooperatives. */
    public Page<ProductView> search(CatalogueQuery query, PageRequest page) {
        String pattern = null;
        if (query.regionCode() != null) {
            pattern = regions.subtreePattern(query.regionCode()).orElse(null);
            if (pattern == null) {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
        }
        String text = query.text() == null ? null : query.text().toLowerCase(Locale.ROOT);
        HqlFilter.Counts kept = counts.atOneVersion();
        HqlFilter indexed = catalogue(query, pattern, text, false);
        long total = indexed.total(em, "p", kept);
        if (page.offset() >= total) {
            return new Page<>(List.of(), page.page(), page.size(), total); // nothing to read
        }
        // a broad text's page is found within a few products along the catalogue's order (V27)
        boolean walk = text != null && query.sort().followsTheKey() && CatalogueWalk.pays(total,
                () -> listed().total(em, "p", kept), page.offset(), page.size());
        HqlFilter chosen = walk ? catalogue(query, pattern, text, true) : indexed;
        return Page.of(chosen.rows(em, ProductRow.SELECT, query.sort().orderBy(), ProductRow.class, page), page,
                total, ProductRow::view);
    }

    /**
     * The search's conditions. Its text, lower-cased, either from an index ({@code walk} false) or
     * tested product by product (V27), which no index answers: the same products either way.
     */
    private HqlFilter catalogue(CatalogueQuery query, String pattern, String text, boolean walk) {
        // One or two characters have no trigram (V13): the index of short substrings (V22) answers them,
        // exactly, in place of LIKE. With LIKE beside it, a prepared statement's generic plan would also
        // scan both trigram indexes whole for the pattern it cannot see (36 ms at 100,000 products).
        // Each parameter comes first in its function (V25), so that Hibernate keeps the query's plan.
        String indexedText = walk ? null : text;
        String gram = indexedText != null && indexedText.codePointCount(0, indexedText.length()) <= 2 ? indexedText : null;
        String like = indexedText == null || gram != null ? null : "%" + TextRules.likeEscaped(indexedText) + "%";
        return listed()
                .and("lower(p.name) like :text escape '\\' or lower(coalesce(p.brand, '')) like :text escape '\\'",
                        "text", like)
                .and("function('gram_of_product', :gram, p.name, p.brand) = true", "gram", gram)
                .and("function('text_in_product', :held, p.name, p.brand) = true", "held", walk ? text : null)
                .and("p.category = :category", "category", query.category())
                .and("c.regionCode in (select r.code from Region r where r.path like :pattern)", "pattern", pattern)
                .and("p.certifications contains :certification", "certification",
                        query.certification() == null ? null : query.certification().name())
                .and("function('day_recognized', :today, p.recognitionValidFrom, p.recognitionValidTo,"
                                + " p.recognitionRevokedOn) = " + query.recognized(),
                        "today", query.recognized() == null ? null : clock.today());
    }

    /** What the public catalogue lists, before any filter. */
    private static HqlFilter listed() {
        return HqlFilter.of("from Product p join Cooperative c on c.id = p.cooperativeId"
                        + " where p.status = :active and c.status = :approved")
                .bind("active", ProductStatus.ACTIVE).bind("approved", CooperativeStatus.APPROVED);
    }

    /**
     * A product with its cooperative's name and region, as the catalogue shows it: its columns
     * read straight into a record, so a public read builds no managed entity (no persistence-context
     * entry, no snapshot for dirty checking).
     */
    @RegisterForReflection // built by Hibernate from the query's selection
    record ProductRow(long id, long cooperativeId, String cooperativeName, String regionCode, String name,
                      Category category, String unit, long priceFen, int stock, int householdShareBp, String brand,
                      String[] certifications, ProductStatus status, long version, Instant createdAt,
                      Instant updatedAt, String certificateNo, LocalDate recognizedFrom, LocalDate recognizedTo,
                      LocalDate revokedOn, String sku) {

        static final String SELECT = "select p.id, p.cooperativeId, c.name, c.regionCode, p.name, p.category, "
                + "p.unit, p.priceFen, p.stock, p.householdShareBp, p.brand, p.certifications, p.status, "
                + "p.version, p.createdAt, p.updatedAt, p.recognitionCertificateNo, p.recognitionValidFrom, "
                + "p.recognitionValidTo, p.recognitionRevokedOn, p.sku";

        /** {@link #SELECT} in SQL, for one product by id, its columns named as {@link #of} reads them. */
        static final String SQL_BY_ID = "select p.id, p.cooperative_id, c.name as cooperative_name, c.region_code, "
                + "p.name, p.category, p.unit, p.price_fen, p.stock, p.household_share_bp, p.brand, "
                + "p.certifications, p.status, p.version, p.created_at, p.updated_at, "
                + "p.recognition_certificate_no, p.recognition_valid_from, p.recognition_valid_to, "
                + "p.recognition_revoked_on, p.sku "
                + "from product p join cooperative c on c.id = p.cooperative_id where p.id = ?";

        static ProductRow of(ResultSet row) throws SQLException {
            Array certifications = row.getArray("certifications");
            return new ProductRow(row.getLong("id"), row.getLong("cooperative_id"), row.getString("cooperative_name"),
                    row.getString("region_code"), row.getString("name"), Category.valueOf(row.getString("category")),
                    row.getString("unit"), row.getLong("price_fen"), row.getInt("stock"),
                    row.getInt("household_share_bp"), row.getString("brand"),
                    certifications == null ? null : (String[]) certifications.getArray(),
                    ProductStatus.valueOf(row.getString("status")), row.getLong("version"),
                    JdbcRows.instant(row, "created_at"), JdbcRows.instant(row, "updated_at"),
                    row.getString("recognition_certificate_no"),
                    row.getObject("recognition_valid_from", LocalDate.class),
                    row.getObject("recognition_valid_to", LocalDate.class),
                    row.getObject("recognition_revoked_on", LocalDate.class), row.getString("sku"));
        }

        ProductView view() {
            return new ProductView(id, cooperativeId, cooperativeName, regionCode, name, category, unit, priceFen,
                    stock, householdShareBp, brand, ProductView.certifications(certifications), status, version,
                    createdAt, updatedAt, RecognitionView.of(certificateNo, recognizedFrom, recognizedTo, revokedOn),
                    sku);
        }
    }


    /** Certifications as stored: distinct, in the order of the request that set them (not re-sorted). */
    static String[] toArray(List<Certification> certifications) {
        return certifications == null ? new String[0]
                : certifications.stream().distinct().map(Enum::name).toArray(String[]::new);
    }

    /** A set to every rule: the same certifications in another order are no change (no new version). */
    private static boolean sameCertifications(List<Certification> given, String[] stored) {
        return new HashSet<>(Arrays.asList(toArray(given)))
                .equals(new HashSet<>(Arrays.asList(stored == null ? new String[0] : stored)));
    }
}
