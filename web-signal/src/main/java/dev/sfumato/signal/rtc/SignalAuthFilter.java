package dev.sfumato.signal.rtc;

import dev.sfumato.rooms.config.ServerKeys;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a signal WebSocket upgrade whose token cannot join, with LiveKit's 401 and the reason,
 * before any session state exists. The endpoint verifies the token again for its claims.
 */
@WebFilter(urlPatterns = {"/rtc", "/rtc/v1"})
public class SignalAuthFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @EJB private ServerKeys keys;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      SignalTokens.verify(
          keys.verifier(),
          SignalTokens.pick(
              request.getParameter("access_token"), request.getHeader("Authorization")));
    } catch (SignalTokens.Refused e) {
      response.setStatus(e.status);
      response.setHeader("Access-Control-Allow-Origin", "*");
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(e.getMessage());
      return;
    }
    chain.doFilter(request, response);
  }
}
