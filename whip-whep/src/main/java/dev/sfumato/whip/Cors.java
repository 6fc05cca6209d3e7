package dev.sfumato.whip;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * CORS for browser WHIP/WHEP clients on other origins (RFC 9725 §4.3): they send preflights before
 * POST, PATCH and DELETE, and can read Location, ETag and Link only if they are exposed. Access is
 * controlled by the bearer token and the unguessable session URL, not by the origin, so any origin
 * may call.
 */
@Provider
public class Cors implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> h = response.getHeaders();
    h.putSingle("Access-Control-Allow-Origin", "*");
    h.putSingle(
        "Access-Control-Expose-Headers",
        "Location, ETag, Link, Accept-Post, Accept-Patch, Retry-After");
    if ("OPTIONS".equals(request.getMethod())) {
      h.putSingle("Access-Control-Allow-Methods", "POST, PATCH, DELETE, OPTIONS");
      h.putSingle("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match");
      h.putSingle("Access-Control-Max-Age", "86400");
    }
  }
}
