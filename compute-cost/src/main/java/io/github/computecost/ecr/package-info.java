/**
 * Amazon ECR private repositories: image storage per GB-month. ECR's free tier (500 MB-month of private storage) is
 * for new accounts' first year only and is not applied; pulls in the same region are free; data transfer out and
 * enhanced scanning (Amazon Inspector) are billed elsewhere and are not modelled. Public repositories
 * ({@code AWS::ECR::PublicRepository}) are not priced.
 */
package io.github.computecost.ecr;
