import { afterEach, describe, expect, test } from '@jest/globals';
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ImageNotFoundException,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import {
  createRepository,
  describeRepository,
  EcrError,
  findImageByTag,
  getRegistryAuth,
  hostOf,
  isImmutable,
} from '../../src/images/ecr.js';

const ecrMock = mockClient(ECRClient);
const ecr = new ECRClient({ region: 'ap-northeast-1' });
const URI = '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/monitoring/fluentd';
const DIGEST = `sha256:${'a'.repeat(64)}`;

afterEach(() => {
  ecrMock.reset();
});

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('repositories', () => {
  test("the repositoryUri is ECR's own answer, never assembled", async () => {
    ecrMock.on(DescribeRepositoriesCommand, { repositoryNames: ['monitoring/fluentd'] }).resolves({
      repositories: [
        {
          repositoryName: 'monitoring/fluentd',
          repositoryUri: 'localhost.localstack.cloud:4566/monitoring/fluentd',
          registryId: '000000000000',
          imageTagMutability: 'IMMUTABLE',
        },
      ],
    });
    expect(await describeRepository(ecr, { name: 'monitoring/fluentd' })).toEqual({
      name: 'monitoring/fluentd',
      uri: 'localhost.localstack.cloud:4566/monitoring/fluentd',
      registryId: '000000000000',
      tagMutability: 'IMMUTABLE',
    });
  });

  test('RepositoryNotFoundException means "absent", not an error', async () => {
    ecrMock
      .on(DescribeRepositoriesCommand)
      .rejects(
        new RepositoryNotFoundException({ message: 'The repository with name x does not exist', $metadata: {} }),
      );
    expect(await describeRepository(ecr, { name: 'x' })).toBeUndefined();
  });

  test('any other failure names the call and the repository', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: ecr:DescribeRepositories'), {
      name: 'AccessDeniedException',
    });
    ecrMock.on(DescribeRepositoriesCommand).rejects(denied);
    await expect(describeRepository(ecr, { name: 'monitoring/fluentd' })).rejects.toThrow(
      'ECR DescribeRepositories for "monitoring/fluentd" failed: AccessDeniedException: User is not authorized to perform: ecr:DescribeRepositories',
    );
  });

  test('a created repository has immutable tags and scan on push, in the given registry', async () => {
    ecrMock.on(CreateRepositoryCommand).resolves({
      repository: { repositoryName: 'monitoring/new', repositoryUri: `${URI}-new`, imageTagMutability: 'IMMUTABLE' },
    });
    const info = await createRepository(ecr, { name: 'monitoring/new', registryId: '210987654321' });
    expect(ecrMock.commandCalls(CreateRepositoryCommand).map((c) => c.args[0].input)).toEqual([
      {
        repositoryName: 'monitoring/new',
        registryId: '210987654321',
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
      },
    ]);
    expect(info).toEqual({
      name: 'monitoring/new',
      uri: `${URI}-new`,
      registryId: '210987654321',
      tagMutability: 'IMMUTABLE',
    });
  });

  test.each([
    ['MUTABLE', false],
    ['IMMUTABLE', true],
    ['IMMUTABLE_WITH_EXCLUSION', true],
    ['MUTABLE_WITH_EXCLUSION', false],
  ])('%s is immutable: %s', (m, expected) => {
    expect(isImmutable(m)).toBe(expected);
  });
});

describe('images by tag', () => {
  test('a present tag gives the digest and all of its tags', async () => {
    ecrMock
      .on(DescribeImagesCommand, { repositoryName: 'monitoring/fluentd', imageIds: [{ imageTag: 'content-1' }] })
      .resolves({ imageDetails: [{ imageDigest: DIGEST, imageTags: ['content-1', 'abc123'] }] });
    expect(await findImageByTag(ecr, { name: 'monitoring/fluentd', tag: 'content-1' })).toEqual({
      digest: DIGEST,
      tags: ['content-1', 'abc123'],
    });
  });

  test('ImageNotFoundException means the tag is not there', async () => {
    ecrMock
      .on(DescribeImagesCommand)
      .rejects(new ImageNotFoundException({ message: 'The image with imageId ... does not exist', $metadata: {} }));
    expect(await findImageByTag(ecr, { name: 'monitoring/fluentd', tag: 'content-1' })).toBeUndefined();
  });

  test('a missing repository while looking up a tag is an error naming both', async () => {
    ecrMock
      .on(DescribeImagesCommand)
      .rejects(new RepositoryNotFoundException({ message: 'no such repository', $metadata: {} }));
    const err = await findImageByTag(ecr, { name: 'monitoring/fluentd', tag: 'content-1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EcrError);
    expect((err as Error).message).toBe(
      'ECR DescribeImages for "monitoring/fluentd:content-1" failed: RepositoryNotFoundException: no such repository',
    );
  });
});

describe('registry authorization', () => {
  test('decodes base64 AWS:<password> and takes the host from proxyEndpoint', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [
        {
          authorizationToken: b64('AWS:pa:ss:word'),
          proxyEndpoint: 'https://123456789012.dkr.ecr.ap-northeast-1.amazonaws.com',
        },
      ],
    });
    expect(await getRegistryAuth(ecr)).toEqual([
      { host: '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com', username: 'AWS', password: 'pa:ss:word' },
    ]);
    expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)[0]?.args[0].input).toEqual({});
  });

  test("asks for other accounts' registries by id", async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [{ authorizationToken: b64('AWS:p'), proxyEndpoint: 'http://127.0.0.1:5000' }],
    });
    expect(await getRegistryAuth(ecr, ['210987654321'])).toEqual([
      { host: '127.0.0.1:5000', username: 'AWS', password: 'p' },
    ]);
    expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)[0]?.args[0].input).toEqual({
      registryIds: ['210987654321'],
    });
  });

  test('a malformed token is an error that does not quote the token', async () => {
    const token = b64('no-colon-secret-token');
    ecrMock
      .on(GetAuthorizationTokenCommand)
      .resolves({ authorizationData: [{ authorizationToken: token, proxyEndpoint: 'https://r.example' }] });
    const err = (await getRegistryAuth(ecr).catch((e: unknown) => e)) as Error;
    expect(err.message).toBe('ECR GetAuthorizationToken answered a token for r.example that is not "user:password"');
    expect(err.message).not.toContain(token);
  });

  test('no authorization data is an error', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [] });
    await expect(getRegistryAuth(ecr)).rejects.toThrow('ECR GetAuthorizationToken answered no authorization data');
  });

  test.each([
    ['https://123456789012.dkr.ecr.ap-northeast-1.amazonaws.com', '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com'],
    ['http://127.0.0.1:5000', '127.0.0.1:5000'],
    ['127.0.0.1:5000/monitoring/fluentd', '127.0.0.1:5000'],
    ['https://r.example/', 'r.example'],
  ])('hostOf(%j) = %j', (endpoint, host) => {
    expect(hostOf(endpoint)).toBe(host);
  });
});
