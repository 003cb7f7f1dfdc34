import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PUBLIC_CACHE_SECONDS } from '../../functions/handlers/shared/public-cache.js';

/**
 * How long the edge may answer each public route from its cache: the figures the handlers send as
 * max-age (functions/handlers/shared/public-cache.ts), so browsers and the edge agree. Each is also its
 * cache policy's maximum, so no answer is kept longer whatever a handler sends.
 */
export const EDGE_TTL_SECONDS = PUBLIC_CACHE_SECONDS;

export interface VerificationEdgeProps {
  /** The REST API the edge fronts (its stage path is the origin path). */
  readonly api: apigateway.RestApi;
  /** Where CloudFront writes its standard access logs (ACLs enabled: CloudFront's log delivery needs them). */
  readonly logBucket: s3.IBucket;
  /**
   * The public site's host name (e.g. verify.saypro.online) and its ACM certificate in us-east-1.
   * @default - the distribution's own *.cloudfront.net name
   */
  readonly domain?: { readonly name: string; readonly certificateArn: string };
  /**
   * A CLOUDFRONT-scope WAF web ACL (created in us-east-1) to attach.
   * @default - none: the regional WAF (enableWaf) and stage throttling still guard the API behind
   */
  readonly webAclArn?: string;
}

/**
 * CloudFront in front of the API, so a flood of lookups of one certificate (a QR code on a shared
 * document) is answered at the edge. Only GET/HEAD answers of the public routes are cached, each for a
 * short TTL and keyed on exactly what changes the answer; everything else (POST /verify, downloads with
 * their token, participants' /me and /feedback pages, staff pages, operator routes, health) passes
 * straight through, never cached, with every viewer header, cookie and query string forwarded.
 */
export class VerificationEdge extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly cachePolicies: Record<
    'certificateAnswers' | 'verificationPage' | 'statusLists' | 'keys' | 'descriptions',
    cloudfront.CachePolicy
  >;
  /** The site's base URL through the edge. */
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: VerificationEdgeProps) {
    super(scope, id);

    const policy = (
      name: keyof VerificationEdge['cachePolicies'],
      comment: string,
      ttlSeconds: number,
      key: { queryStrings?: string[]; headers?: string[] } = {},
    ) =>
      new cloudfront.CachePolicy(this, `${name[0]!.toUpperCase()}${name.slice(1)}Cache`, {
        comment,
        // Zero minimum: an answer marked no-store (errors, a not-found page) is never kept.
        minTtl: Duration.seconds(0),
        defaultTtl: Duration.seconds(ttlSeconds),
        maxTtl: Duration.seconds(ttlSeconds),
        queryStringBehavior: key.queryStrings
          ? cloudfront.CacheQueryStringBehavior.allowList(...key.queryStrings)
          : cloudfront.CacheQueryStringBehavior.none(),
        headerBehavior: key.headers
          ? cloudfront.CacheHeaderBehavior.allowList(...key.headers)
          : cloudfront.CacheHeaderBehavior.none(),
        // No route reads a cookie: keeping them out of the key (and away from the origin) is what makes
        // one cached answer serve every verifier.
        cookieBehavior: cloudfront.CacheCookieBehavior.none(),
        enableAcceptEncodingGzip: true,
        enableAcceptEncodingBrotli: true,
      });
    this.cachePolicies = {
      certificateAnswers: policy(
        'certificateAnswers',
        "Certificate JSON and the document redirect: the path is the key; ?lang picks the answer's language",
        EDGE_TTL_SECONDS.certificateAnswer,
        { queryStrings: ['lang', 'format'] },
      ),
      verificationPage: policy(
        'verificationPage',
        'The verification page: its language comes from ?lang or Accept-Language; ?number redirects',
        EDGE_TTL_SECONDS.verificationPage,
        { queryStrings: ['lang', 'number'], headers: ['Accept-Language'] },
      ),
      statusLists: policy(
        'statusLists',
        'Status list credentials: the signed VC-JWT, or a readable JSON view when Accept asks for it',
        EDGE_TTL_SECONDS.statusList,
        { headers: ['Accept'] },
      ),
      keys: policy('keys', 'The JWKS verifiers check signatures with', EDGE_TTL_SECONDS.jwks),
      descriptions: policy(
        'descriptions',
        'Issuer profile and course achievements that credentials link to',
        EDGE_TTL_SECONDS.descriptions,
        { queryStrings: ['lang'] },
      ),
    };

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HSTS, nosniff, no framing, referrer policy; each page keeps the CSP its handler sets',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365 * 2),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: false,
        },
      },
    });

    const origin = new origins.RestApiOrigin(props.api);
    const cached = (
      cachePolicy: cloudfront.ICachePolicy,
      allowedMethods = cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
    ): cloudfront.BehaviorOptions => ({
      origin,
      cachePolicy,
      allowedMethods,
      // Preflights (OPTIONS) go to API Gateway's CORS answer each time; only GET and HEAD are kept.
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    });
    // Never cached: CachingDisabled, and every viewer header (cookies, the API key, the form token),
    // cookie and query string goes to the origin, except Host (API Gateway answers only its own name).
    const passThrough: cloudfront.BehaviorOptions = {
      origin,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: securityHeaders,
      compress: true,
    };

    const certificate = props.domain
      ? acm.Certificate.fromCertificateArn(this, 'SiteCertificate', props.domain.certificateArn)
      : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'SayPro Certificates: verification site and public API, cached briefly at the edge',
      defaultBehavior: passThrough,
      // CloudFront takes the first pattern that matches, in this order: the personal and counted routes
      // under /certificates/* come before the cached catch-all for that prefix.
      additionalBehaviors: {
        '/certificates/*/download': passThrough,
        '/certificates/*/linkedin': passThrough,
        '/certificates/*/credential': passThrough,
        '/certificates/*': cached(this.cachePolicies.certificateAnswers),
        // The page's upload (POST /verify) is forwarded, never kept: only GET and HEAD are cached.
        '/verify*': cached(this.cachePolicies.verificationPage, cloudfront.AllowedMethods.ALLOW_ALL),
        '/status-lists/*': cached(this.cachePolicies.statusLists),
        '/.well-known/jwks.json': cached(this.cachePolicies.keys),
        '/issuer': cached(this.cachePolicies.descriptions),
        '/courses/*': cached(this.cachePolicies.descriptions),
      },
      // CloudFront keeps an error without Cache-Control for 10 s by default: API Gateway's own throttling
      // (429) and gateway errors must reach the next viewer fresh, not be replayed to everyone.
      errorResponses: [429, 500, 502, 503, 504].map((httpStatus) => ({
        httpStatus,
        ttl: Duration.seconds(0),
      })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'edge/',
      ...(props.domain && certificate
        ? {
            domainNames: [props.domain.name],
            certificate,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    this.baseUrl = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Certificates are verified by employers and institutions anywhere; no country is to be refused. ' +
        'Abuse is bounded by the cache, the API stage throttling and the per-client rate limit.',
    });
    if (!props.webAclArn)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'A CLOUDFRONT-scope web ACL must live in us-east-1, outside this regional stack: pass its ARN as ' +
          'edgeWebAclArn to attach one. Until then the regional WAF (enableWaf) and stage throttling guard the API.',
      });
    if (!props.domain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without edgeDomainName the distribution uses the default *.cloudfront.net certificate, whose ' +
          'security policy CloudFront fixes; set edgeDomainName and edgeCertificateArn for TLSv1.2_2021.',
      });

    new CfnOutput(this, 'EdgeUrl', { value: this.baseUrl });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
  }
}
