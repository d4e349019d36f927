package org.tomopick.unet;

/**
 * One finished training epoch: its number (from 1), mean training loss, validation CZII score (NaN when not
 * validated this epoch), learning rate at its end, and seconds spent.
 */
public record EpochRecord(int epoch, double loss, double validationScore, double learningRate, double seconds) {
}
