import { Aws, CfnOutput, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { BODY_TOO_LARGE } from '../../functions/handlers/shared/body-limit.js';

export const API_STAGE_NAME = 'v1';

export interface VerificationApiProps {
  /** The REST API's name, which per-method metrics are keyed by. */
  readonly restApiName: string;
  /**
   * Serves the public verification routes (health, certificates, credential, verify, issuer, JWKS) and
   * what credentials link to (status lists, course achievements).
   */
  readonly publicFunction: lambda.IFunction;
  /** Serves the participants' download links (GET /certificates/{number}/download) and the public PDF (/document). */
  readonly downloadFunction: lambda.IFunction;
  /** Serves the participants' own pages (/me/*), the feedback survey (/feedback/*), the public help pages (/help, /help/faq) and /privacy. */
  readonly participantFunction: lambda.IFunction;
  /** Serves the operator routes (POST /approvals, /operator/*); every one needs the API key. */
  readonly operatorFunction: lambda.IFunction;
  /** Origin of the verification site, the only origin allowed by CORS on the public routes. */
  readonly allowedOrigin: string;
  /** @default 50 */
  readonly throttlingRateLimit?: number;
  /** @default 100 */
  readonly throttlingBurstLimit?: number;
  /**
   * Requests per five minutes per client IP allowed by a WAF rate-based rule.
   * @default - no WAF web ACL
   */
  readonly wafRateLimit?: number;
}

/**
 * The REST API: public verification routes and operator routes, an explicit resource tree (no {proxy+}),
 * Lambda proxy integrations (v1 events), stage throttling, JSON access logs, X-Ray, and an optional WAF.
 */
export class VerificationApi extends Construct {
  readonly api: apigateway.RestApi;
  readonly accessLogs: logs.LogGroup;
  readonly apiKey: apigateway.IApiKey;
  /** The stage's base URL, built from the API id and the stage name (no dependency on the deployment). */
  readonly baseUrl: string;
  private readonly operatorResource: apigateway.Resource;
  private readonly operatorIntegration: apigateway.LambdaIntegration;
  private readonly operatorMethodOptions: apigateway.MethodOptions;
  private readonly jsonObjectModel: apigateway.Model;

  constructor(scope: Construct, id: string, props: VerificationApiProps) {
    super(scope, id);

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.api = new apigateway.RestApi(this, 'Api', {
      restApiName: props.restApiName,
      description: 'SayPro Certificates: verification and operator API',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      // A PDF posted to POST /verify (as is, or in the page's multipart form) reaches the function as
      // base64, byte for byte; as text, its bytes would be mangled and its digest would not match.
      binaryMediaTypes: ['application/pdf', 'multipart/form-data', 'application/octet-stream'],
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.DESTROY,
      deployOptions: {
        stageName: API_STAGE_NAME,
        throttlingRateLimit: props.throttlingRateLimit ?? 50,
        throttlingBurstLimit: props.throttlingBurstLimit ?? 100,
        accessLogDestination: new apigateway.LogGroupLogDestination(this.accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        // Request bodies carry participant data: never copied into execution logs.
        dataTraceEnabled: false,
        tracingEnabled: true,
        metricsEnabled: true,
      },
    });
    this.baseUrl = `https://${this.api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${API_STAGE_NAME}`;

    // A body over API Gateway's 10 MB never reaches a function: answer it with the JSON the handlers and
    // the local bridge give (the default is a bare {"message":"Request Too Long"}).
    this.api.addGatewayResponse('RequestTooLarge', {
      type: apigateway.ResponseType.REQUEST_TOO_LARGE,
      statusCode: '413',
      templates: { 'application/json': JSON.stringify(BODY_TOO_LARGE) },
    });

    // The edge rejects missing path parameters and JSON bodies that are not objects; the handlers' zod
    // schemas do the real validation (one schema, shared with the local stack).
    const validator = this.api.addRequestValidator('ValidateRequests', {
      validateRequestParameters: true,
      validateRequestBody: true,
    });
    const jsonObject = this.api.addModel('JsonObject', {
      contentType: 'application/json',
      schema: { schema: apigateway.JsonSchemaVersion.DRAFT4, type: apigateway.JsonSchemaType.OBJECT },
    });
    this.jsonObjectModel = jsonObject;
    const jsonBody = { 'application/json': jsonObject };
    const publicIntegration = new apigateway.LambdaIntegration(props.publicFunction, {
      allowTestInvoke: false,
    });
    const cors: apigateway.CorsOptions = {
      allowOrigins: [props.allowedOrigin],
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
    };
    const numberParam = { 'method.request.path.number': true };
    const publicGet = (resource: apigateway.IResource, withNumber: boolean) =>
      resource.addMethod('GET', publicIntegration, {
        requestValidator: validator,
        ...(withNumber ? { requestParameters: numberParam } : {}),
      });

    const root = this.api.root;
    publicGet(root.addResource('health'), false);

    const certificates = root.addResource('certificates');
    const certificate = certificates.addResource('{number}', { defaultCorsPreflightOptions: cors });
    publicGet(certificate, true);
    publicGet(certificate.addResource('credential', { defaultCorsPreflightOptions: cors }), true);
    // "Add to LinkedIn profile" through us, so shares are counted for the staff reports.
    publicGet(certificate.addResource('linkedin'), true);
    // Downloads have their own function: presigning needs the S3 client, which verification does not.
    certificate
      .addResource('download')
      .addMethod(
        'GET',
        new apigateway.LambdaIntegration(props.downloadFunction, { allowTestInvoke: false }),
        { requestValidator: validator, requestParameters: numberParam },
      );

    // The credential's relatedResource: the PDF without a personal token (holder's consent checked in
    // the function), presigned like the download, so it needs the download function's S3 access.
    certificate
      .addResource('document')
      .addMethod(
        'GET',
        new apigateway.LambdaIntegration(props.downloadFunction, { allowTestInvoke: false }),
        { requestValidator: validator, requestParameters: numberParam },
      );
    // What the URLs inside a credential answer: its revocation status list, its course's achievement.
    const publicGetWith = (resource: apigateway.IResource, param: string) =>
      resource.addMethod('GET', publicIntegration, {
        requestValidator: validator,
        requestParameters: { [`method.request.path.${param}`]: true },
      });
    publicGetWith(
      root.addResource('status-lists').addResource('{listId}', { defaultCorsPreflightOptions: cors }),
      'listId',
    );
    publicGetWith(
      root.addResource('courses').addResource('{courseId}', { defaultCorsPreflightOptions: cors }),
      'courseId',
    );

    const verify = root.addResource('verify', { defaultCorsPreflightOptions: cors });
    publicGet(verify, false);
    // A PDF, a VC-JWT or the page's multipart upload: the function checks the body, not a JSON model.
    verify.addMethod('POST', publicIntegration);
    publicGet(verify.addResource('{number}', { defaultCorsPreflightOptions: cors }), true);

    publicGet(root.addResource('issuer', { defaultCorsPreflightOptions: cors }), false);
    publicGet(
      root.addResource('.well-known').addResource('jwks.json', { defaultCorsPreflightOptions: cors }),
      false,
    );

    // Participants: their page by a token in the path (no account), fresh downloads, lost links, help.
    const participantIntegration = new apigateway.LambdaIntegration(props.participantFunction, {
      allowTestInvoke: false,
    });
    const participantRoute = (resource: apigateway.IResource, method: string, params: string[] = []) =>
      resource.addMethod(method, participantIntegration, {
        requestValidator: validator,
        requestParameters: Object.fromEntries(params.map((name) => [`method.request.path.${name}`, true])),
      });
    const help = root.addResource('help');
    participantRoute(help, 'GET');
    participantRoute(help.addResource('faq'), 'GET');
    participantRoute(root.addResource('privacy'), 'GET');
    const me = root.addResource('me');
    // A form post or JSON: the function parses and validates either.
    participantRoute(me.addResource('link-requests'), 'POST');
    const page = me.addResource('{token}');
    participantRoute(page, 'GET', ['token']);
    // The consent form on the page posts here (form-encoded), and is answered with the page again.
    participantRoute(page.addResource('consent'), 'POST', ['token']);
    // The language form on the page (docs/locales.md): the participant's page and emails from then on.
    participantRoute(page.addResource('language'), 'POST', ['token']);
    participantRoute(
      page.addResource('certificates').addResource('{number}').addResource('download'),
      'POST',
      ['token', 'number'],
    );
    // The page's "Give feedback" button (a fresh survey link), and the survey itself (a form posting back to it).
    participantRoute(
      page.getResource('certificates')!.getResource('{number}')!.addResource('feedback'),
      'POST',
      ['token', 'number'],
    );
    const survey = root.addResource('feedback').addResource('{token}');
    participantRoute(survey, 'GET', ['token']);
    participantRoute(survey, 'POST', ['token']);

    this.operatorIntegration = new apigateway.LambdaIntegration(props.operatorFunction, {
      allowTestInvoke: false,
    });
    this.operatorMethodOptions = { apiKeyRequired: true, requestValidator: validator };
    root.addResource('approvals').addMethod('POST', this.operatorIntegration, {
      ...this.operatorMethodOptions,
      requestModels: jsonBody,
    });
    this.operatorResource = root.addResource('operator');

    this.apiKey = this.api.addApiKey('OperatorKey', {
      description: 'Operator routes (POST /approvals, /operator/*): the learning platform and the certs CLI',
    });
    const plan = this.api.addUsagePlan('OperatorPlan', {
      description: 'Operator clients',
      throttle: { rateLimit: 10, burstLimit: 20 },
      quota: { limit: 100_000, period: apigateway.Period.DAY },
    });
    plan.addApiKey(this.apiKey);
    plan.addApiStage({ stage: this.api.deploymentStage });

    if (props.wafRateLimit !== undefined) {
      const webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
        scope: 'REGIONAL',
        defaultAction: { allow: {} },
        visibilityConfig: {
          cloudWatchMetricsEnabled: true,
          metricName: 'SayProCertificatesApi',
          sampledRequestsEnabled: true,
        },
        rules: [
          {
            name: 'RateLimitPerClientIp',
            priority: 0,
            action: { block: {} },
            statement: { rateBasedStatement: { limit: props.wafRateLimit, aggregateKeyType: 'IP' } },
            visibilityConfig: {
              cloudWatchMetricsEnabled: true,
              metricName: 'RateLimitPerClientIp',
              sampledRequestsEnabled: true,
            },
          },
        ],
      });
      new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
        resourceArn: this.api.deploymentStage.stageArn,
        webAclArn: webAcl.attrArn,
      });
    } else {
      Validations.of(this.api.deploymentStage).acknowledge({
        id: 'AwsSolutions-APIG3',
        reason:
          'WAF is switched off by context (enableWaf: false) for this stage; stage throttling and the ' +
          'operator usage plan bound the request rate. Production sets enableWaf: true.',
      });
    }

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        "API Gateway's account-wide logging role; AWS's policy is the documented one and only lets API Gateway write its own logs.",
    });
    this.acknowledgeOpenRoutes();

    new CfnOutput(this, 'ApiUrl', { value: this.baseUrl });
    new CfnOutput(this, 'OperatorApiKeyId', { value: this.apiKey.keyId });
  }

  /**
   * Adds an operator route under /operator (API key required), served by the operator function.
   * `jsonBody`: the edge rejects a body that is not a JSON object (default for POST and PUT); routes whose
   * handler reads no body (rotation, compromise) take none, so an empty POST is not refused.
   */
  addOperatorRoute(
    pathParts: string[],
    method: string,
    options: { jsonBody?: boolean } = {},
  ): apigateway.Method {
    let resource: apigateway.IResource = this.operatorResource;
    for (const part of pathParts) resource = resource.getResource(part) ?? resource.addResource(part);
    const withBody = options.jsonBody ?? (method === 'POST' || method === 'PUT');
    const params = Object.fromEntries(
      pathParts
        .filter((part) => part.startsWith('{'))
        .map((part) => [`method.request.path.${part.slice(1, -1)}`, true]),
    );
    const added = resource.addMethod(method, this.operatorIntegration, {
      ...this.operatorMethodOptions,
      requestParameters: params,
      ...(withBody ? { requestModels: { 'application/json': this.jsonObjectModel } } : {}),
    });
    this.acknowledgeKeyedRoute(added);
    return added;
  }

  /**
   * The staff dashboard's pages, each declared (no {proxy+}), served by its function. They carry no API
   * key and no API Gateway authorizer: the function checks its own session cookie, set after a Cognito
   * sign-in whose ID token it verifies, and a per-session form token on every POST.
   */
  addStaffRoutes(staffFunction: lambda.IFunction): apigateway.Method[] {
    const integration = new apigateway.LambdaIntegration(staffFunction, { allowTestInvoke: false });
    const staff = this.api.root.addResource('staff');
    const route = (resource: apigateway.IResource, method: string, params: string[] = []) =>
      resource.addMethod(method, integration, {
        requestParameters: Object.fromEntries(params.map((name) => [`method.request.path.${name}`, true])),
      });
    const signIn = staff.addResource('sign-in');
    const reports = staff.addResource('reports');
    const methods = [
      route(staff, 'GET'),
      route(signIn, 'GET'),
      route(signIn, 'POST'),
      route(staff.addResource('callback'), 'GET'),
      route(staff.addResource('sign-out'), 'POST'),
      route(reports, 'GET'),
      route(reports.addResource('{period}'), 'GET', ['period']),
      route(staff.addResource('courses').addResource('{courseId}'), 'GET', ['courseId']),
      route(staff.addResource('approvals').addResource('{approvalId}').addResource('retry'), 'POST', [
        'approvalId',
      ]),
    ];
    const certificate = staff.addResource('certificates').addResource('{number}');
    methods.push(route(certificate.addResource('resend'), 'POST', ['number']));
    methods.push(route(certificate.addResource('revocation'), 'POST', ['number']));
    const reason =
      'Staff pages: sign-in must be reachable without credentials, and every other page is checked by the ' +
      'function against its server-side session (set only after a Cognito hosted-UI sign-in whose ID token ' +
      'it verifies against the pool JWKS); a Cognito authorizer cannot read an HttpOnly session cookie.';
    for (const method of methods)
      Validations.of(method).acknowledge(
        { id: 'AwsSolutions-APIG4', reason },
        { id: 'AwsSolutions-COG4', reason },
      );
    return methods;
  }

  /**
   * Public routes are public by design (anyone holding a certificate number may verify it; downloads need
   * the emailed token). Operator routes are machine-to-machine from the learning platform and the certs
   * CLI: API Gateway checks their API key (usage plan) before the function runs.
   */
  private acknowledgeOpenRoutes(): void {
    for (const method of this.api.methods) {
      if (method.httpMethod === 'OPTIONS') continue;
      const cfn = method.node.defaultChild as apigateway.CfnMethod;
      if (cfn.apiKeyRequired) this.acknowledgeKeyedRoute(method);
      else {
        const reason =
          'Public route: verifiers and participants have no account by design; only consented, non-secret data ' +
          'is returned, and a participant page or download needs its emailed random token. Rate limited by ' +
          'stage throttling (and WAF).';
        Validations.of(method).acknowledge(
          { id: 'AwsSolutions-APIG4', reason },
          { id: 'AwsSolutions-COG4', reason },
        );
      }
    }
  }

  private acknowledgeKeyedRoute(method: apigateway.Method): void {
    const reason =
      'Operator route for machine clients (learning platform, certs CLI): API Gateway requires the usage-plan ' +
      'API key before the function runs; there are no end users to put in a Cognito pool.';
    Validations.of(method).acknowledge(
      { id: 'AwsSolutions-APIG4', reason },
      { id: 'AwsSolutions-COG4', reason },
    );
  }
}
