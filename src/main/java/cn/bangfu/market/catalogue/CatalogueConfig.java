package cn.bangfu.market.catalogue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.PositiveOrZero;

/** The public catalogue's settings (environment variables {@code BANGFU_CATALOGUE_*}). */
@ConfigMapping(prefix = "bangfu.catalogue")
public interface CatalogueConfig {

    /**
     * How many searches' counts are kept ({@link CatalogueCounts}); the least used go first. 0
     * counts every page again.
     */
    @WithDefault("10000")
    @PositiveOrZero
    int countsKept();
}
