package cn.bangfu.market.exports;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An export whose client went away: already logged by the export, and nobody is listening. */
public class ClientGoneMapper {

    @ServerExceptionMapper
    public Response clientGone(ClientGoneException e) {
        return Response.status(499).build();
    }
}
