package dev.rootbot.sandbox.aws.wire;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes an {@link AwsException} as its service's protocol does, so the AWS SDK maps it to the right exception. */
public final class ErrorWriter {
  private ErrorWriter() {}

  /** The error as the service writes it; {@link AwsException#details()} become S3 elements or JSON members. */
  public static AwsResponse write(AwsException error, Service service, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>(error.headers());
    AwsResponse response;
    switch (service.protocol()) {
      case QUERY:
        response = AwsResponse.of(error.status(), "text/xml", query(error, service, requestId));
        break;
      case REST_XML:
        response = AwsResponse.of(error.status(), "application/xml", s3(error, requestId));
        break;
      default:
        var body = new JsonObject();
        body.addProperty("__type", error.jsonType());
        // SQS writes "message"; the JSON 1.1 services write "Message". The SDK reads either.
        body.addProperty(service == Service.SQS ? "message" : "Message", error.getMessage());
        error.details().forEach(body::addProperty);
        response = AwsResponse.of(error.status(), service.protocol().jsonContentType(), Json.write(body));
        error.queryErrorCode().ifPresent(code -> headers.put("x-amzn-query-error", code + ";" + error.fault()));
    }
    headers.putAll(RequestIds.headers(service, requestId));
    return response.withHeaders(headers);
  }

  private static String query(AwsException error, Service service, String requestId) {
    return new XmlWriter()
        .open("ErrorResponse", service.xmlNamespace())
        .open("Error")
        .leaf("Type", error.fault())
        .leaf("Code", error.code())
        .leaf("Message", error.getMessage())
        .close()
        .leaf("RequestId", requestId)
        .close()
        .toString();
  }

  private static String s3(AwsException error, String requestId) {
    var xml = new XmlWriter().open("Error").leaf("Code", error.code()).leaf("Message", error.getMessage());
    error.details().forEach(xml::leaf);
    return xml.leaf("RequestId", requestId).leaf("HostId", RequestIds.hostId(requestId)).close().toString();
  }
}
