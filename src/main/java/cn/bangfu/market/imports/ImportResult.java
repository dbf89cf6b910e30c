package cn.bangfu.market.imports;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;

/** The answer to a successful import: every row was imported. */
@RegisterForReflection
public record ImportResult(int imported) {

    /** 201: the rows were created. */
    public Response created() {
        return Response.status(Response.Status.CREATED).entity(this).build();
    }
}
