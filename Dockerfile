# The autograder image instructors run and Gradescope's layout:
#   /autograder/source      grader.jar, grader (its command), setup.sh, run_autograder (root only: grader.jar
#                           holds the answers)
#   /autograder/submission  the student's files, mounted or copied in per submission
#   /autograder/results     results.json is written here
#
# Build after `mvn -B package -DskipTests` (the image takes the built grader.jar):
#   docker build -t hw5-grader .
#   docker run --rm -v "$PWD/submission:/autograder/submission:ro" -v "$PWD/out:/autograder/results" hw5-grader
FROM debian:bookworm-slim

COPY grader/target/grader.jar grader/bin/grader grader/jit-directives.json gradescope/setup.sh gradescope/run_autograder \
     /autograder/source/
RUN bash /autograder/source/setup.sh \
    && cp /autograder/source/run_autograder /autograder/run_autograder \
    && chmod 700 /autograder/run_autograder \
    && mkdir -p /autograder/submission /autograder/results

WORKDIR /autograder
ENTRYPOINT ["/autograder/run_autograder"]
