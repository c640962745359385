package cl.zeues.occupation.api.occupation.web;

import cl.zeues.occupation.api.occupation.web.OccupationRequests.ActsAsWorker;
import cl.zeues.occupation.api.security.Devices;
import cl.zeues.occupation.api.security.WorkerPins;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks the acting worker's PIN ({@link WorkerPins#HEADER}) on every body that makes a worker act
 * ({@link ActsAsWorker}: TOMAR, PAUSAR, COMPLETAR, CANCELAR, metrology, the repair routes, the
 * batch), as soon as it is read and before anything is published. A body without a usable {@code
 * worker_id} is left to validation's 400.
 */
@ControllerAdvice
class WorkerPinCheck extends RequestBodyAdviceAdapter {

  private final WorkerPins pins;

  WorkerPinCheck(WorkerPins pins) {
    this.pins = pins;
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return pins.enabled() && ActsAsWorker.class.isAssignableFrom(parameter.getParameterType());
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    if (body instanceof ActsAsWorker acting && acting.workerId() != null && acting.workerId() > 0) {
      pins.check(
          acting.workerId(), input.getHeaders().getFirst(WorkerPins.HEADER), Devices.current());
    }
    return body;
  }
}
