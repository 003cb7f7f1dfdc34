import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../lib/config.js';
import { EDGE_TTL_SECONDS } from '../../lib/constructs/verification-edge.js';
import { cdkJsonContext, synthApp } from './synth-app.js';

const withEdge = synthApp({ context: { enableEdge: true } });
const template = withEdge.statelessTemplate;
const distributionConfig = () =>
  Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;

/** The cache policy a behaviour uses, as its resolved properties (or the managed policy's id). */
function cachePolicyOf(pathPattern: string) {
  const config = distributionConfig();
  const behaviour = config.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === pathPattern);
  expect(behaviour, pathPattern).toBeDefined();
  const id = behaviour.CachePolicyId;
  if (typeof id === 'string') return { managed: id, behaviour };
  const logicalId = id.Ref as string;
  return { policy: template.toJSON().Resources[logicalId].Properties.CachePolicyConfig, behaviour };
}

// CloudFront's managed policies (their ids are fixed by AWS).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('the cached edge (enableEdge)', () => {
  it('is off unless asked for', () => {
    expect(parseAppConfig(cdkJsonContext()).enableEdge).toBe(false);
    synthApp().statelessTemplate.resourceCountIs('AWS::CloudFront::Distribution', 0);
  });

  it('fronts the API stage over HTTPS only, compressed, with logs and security headers', () => {
    const config = distributionConfig();
    expect(config.Origins).toHaveLength(1);
    // The stage's path, taken from the stage's URL: "/" + the 4th part of https://{id}.execute-api…/{stage}/.
    expect(JSON.stringify(config.Origins[0].OriginPath)).toContain('VerificationApiDeploymentStagev1');
    expect(JSON.stringify(config.Origins[0].DomainName)).toContain('.execute-api.');
    expect(config.Origins[0].CustomOriginConfig.OriginSSLProtocols).toEqual(['TLSv1.2']);
    expect(config.Origins[0].CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behaviour.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behaviour.Compress).toBe(true);
      expect(behaviour.ResponseHeadersPolicyId).toBeDefined();
    }
    expect(config.Logging).toMatchObject({ Prefix: 'edge/' });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ Override: true, IncludeSubdomains: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      },
    });
    withEdge.statefulTemplate.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
      LoggingConfiguration: { LogFilePrefix: 'edge-logs/' },
    });
  });

  it('caches each public route for its TTL, keyed on what changes the answer', () => {
    const expectations: [string, number, { queryStrings?: string[]; headers?: string[] }][] = [
      ['/certificates/*', EDGE_TTL_SECONDS.certificateAnswer, { queryStrings: ['lang', 'format'] }],
      [
        '/verify*',
        EDGE_TTL_SECONDS.verificationPage,
        { queryStrings: ['lang', 'number'], headers: ['Accept-Language'] },
      ],
      ['/status-lists/*', EDGE_TTL_SECONDS.statusList, { headers: ['Accept'] }],
      ['/.well-known/jwks.json', EDGE_TTL_SECONDS.jwks, {}],
      ['/issuer', EDGE_TTL_SECONDS.descriptions, { queryStrings: ['lang'] }],
      ['/courses/*', EDGE_TTL_SECONDS.descriptions, { queryStrings: ['lang'] }],
    ];
    for (const [pathPattern, ttl, key] of expectations) {
      const { policy, behaviour } = cachePolicyOf(pathPattern);
      expect(policy, pathPattern).toBeDefined();
      expect(policy).toMatchObject({ MinTTL: 0, DefaultTTL: ttl, MaxTTL: ttl });
      const params = policy.ParametersInCacheKeyAndForwardedToOrigin;
      expect(params.EnableAcceptEncodingGzip && params.EnableAcceptEncodingBrotli).toBe(true);
      expect(params.CookiesConfig.CookieBehavior).toBe('none');
      if (key.queryStrings)
        expect(params.QueryStringsConfig).toEqual({
          QueryStringBehavior: 'whitelist',
          QueryStrings: key.queryStrings,
        });
      else expect(params.QueryStringsConfig.QueryStringBehavior).toBe('none');
      if (key.headers)
        expect(params.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: key.headers });
      else expect(params.HeadersConfig.HeaderBehavior).toBe('none');
      expect(behaviour.CachedMethods).toEqual(['GET', 'HEAD']);
      // Cached routes forward nothing beyond the cache key: no cookie reaches them.
      expect(behaviour.OriginRequestPolicyId).toBeUndefined();
    }
    // The status list's edge TTL is the one the credential itself states.
    expect(EDGE_TTL_SECONDS.statusList).toBe(60);
  });

  it('never caches personal, counted, staff or operator routes, and forwards all they need', () => {
    const config = distributionConfig();
    // The default behaviour takes /me/*, /feedback/*, /staff/*, /operator/*, /approvals, /help, /health.
    expect(config.DefaultCacheBehavior).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'DELETE', 'PATCH']),
    });
    for (const pathPattern of [
      '/certificates/*/download',
      '/certificates/*/linkedin',
      '/certificates/*/credential',
    ]) {
      const { managed, behaviour } = cachePolicyOf(pathPattern);
      expect(managed, pathPattern).toBe(CACHING_DISABLED);
      expect(behaviour.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
    }
    // First match wins: the personal routes under /certificates/ come before its cached catch-all.
    const order = config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern);
    expect(order.indexOf('/certificates/*/download')).toBeLessThan(order.indexOf('/certificates/*'));
    // No cached pattern reaches an operator, staff or participant path.
    for (const pattern of order.filter((p: string) => cachePolicyOf(p).policy)) {
      for (const path of [
        '/operator/approvals',
        '/staff',
        '/me/abc',
        '/feedback/abc',
        '/approvals',
        '/health',
      ])
        expect(
          new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`).test(path),
          `${pattern} ${path}`,
        ).toBe(false);
    }
    // The upload on /verify is forwarded (ALL methods) but only GET and HEAD are cached.
    expect(cachePolicyOf('/verify*').behaviour.AllowedMethods).toContain('POST');
  });

  it('does not replay throttling or gateway errors to other viewers', () => {
    const ttls = Object.fromEntries(
      distributionConfig().CustomErrorResponses.map(
        (r: { ErrorCode: number; ErrorCachingMinTTL: number }) => [r.ErrorCode, r.ErrorCachingMinTTL],
      ),
    );
    expect(ttls).toEqual({ 429: 0, 500: 0, 502: 0, 503: 0, 504: 0 });
  });

  it('uses the site domain with TLS 1.2 when given one, and checks the settings together', () => {
    const custom = synthApp({
      context: {
        enableEdge: true,
        edgeDomainName: 'verify.saypro.online',
        edgeCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
      },
    }).statelessTemplate;
    custom.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['verify.saypro.online'],
        ViewerCertificate: Match.objectLike({
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        }),
      }),
    });
    expect(() =>
      parseAppConfig({ ...cdkJsonContext(), enableEdge: 'true', edgeDomainName: 'verify.saypro.online' }),
    ).toThrow(/"edgeDomainName" and "edgeCertificateArn" are set together/);
    expect(() =>
      parseAppConfig({
        ...cdkJsonContext(),
        edgeDomainName: 'verify.saypro.online',
        edgeCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      }),
    ).toThrow(/need "enableEdge": true/);
    expect(() =>
      parseAppConfig({
        ...cdkJsonContext(),
        enableEdge: true,
        edgeDomainName: 'verify.saypro.online',
        edgeCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
      }),
    ).toThrow(/edgeCertificateArn" must be an ACM certificate ARN in us-east-1/);
  });

  it('is cdk-nag clean with and without a custom domain', () => {
    expect(() => synthApp({ nag: true, context: { enableEdge: true } })).not.toThrow();
    expect(() =>
      synthApp({
        nag: true,
        context: {
          enableEdge: true,
          edgeDomainName: 'verify.saypro.online',
          edgeCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123',
          edgeWebAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/abc',
        },
      }),
    ).not.toThrow();
  });
});
