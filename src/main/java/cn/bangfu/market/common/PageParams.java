package cn.bangfu.market.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code ?page=0&size=20} of every list, as a {@code @BeanParam}; checked by bean validation. */
public class PageParams {

    /** Beyond this page every list is empty, and page × size still fits an int offset. */
    static final int MAX_PAGE = Integer.MAX_VALUE / PageRequest.MAX_SIZE;

    @QueryParam("page")
    @Min(0)
    @Max(MAX_PAGE)
    @Schema(description = "Page number, from 0", defaultValue = "0")
    Integer page;

    @QueryParam("size")
    @Min(1)
    @Max(PageRequest.MAX_SIZE)
    @Schema(description = "Items per page", defaultValue = "" + PageRequest.DEFAULT_SIZE)
    Integer size;

    public PageRequest request() {
        return new PageRequest(page == null ? 0 : page, size == null ? PageRequest.DEFAULT_SIZE : size);
    }
}
