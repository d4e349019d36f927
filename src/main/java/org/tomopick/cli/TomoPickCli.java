package org.tomopick.cli;

public final class TomoPickCli {
	public static void main(String[] args) {
		System.out.println("TomoPick");
	}
}
