package dev.sfumato.signal.rtc;

import dev.sfumato.rooms.config.ServerKeys;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /rtc/validate} and {@code /rtc/v1/validate}: livekit-client asks here why a signal
 * WebSocket failed. 200 "success" for a token that may join; 401 with the reason otherwise, which
 * the client reports as "not allowed" with this text. Callable from any origin (CORS), like the
 * WebSocket itself.
 */
@WebServlet(urlPatterns = {"/rtc/validate", "/rtc/v1/validate"})
public class ValidateServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @EJB private ServerKeys keys;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setContentType("text/plain;charset=UTF-8");
    try {
      SignalTokens.verify(
          keys.verifier(),
          SignalTokens.pick(
              request.getParameter("access_token"), request.getHeader("Authorization")));
      response.getWriter().write("success");
    } catch (SignalTokens.Refused e) {
      response.setStatus(e.status);
      response.getWriter().write(e.getMessage());
    }
  }

  @Override
  protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Allow-Methods", "GET, OPTIONS");
    response.setHeader("Access-Control-Allow-Headers", "Authorization");
    response.setStatus(204);
  }
}
